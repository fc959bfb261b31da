import MHHSCore
import MHHSRegistration

/// The VAS scan for one GSP group and date: joins the register snapshot with the SP-data
/// segments (both sorted by MPAN) and sums each settled metering point's values by
/// ``AllocationKey``, data kind and period. Integer arithmetic only; nothing allocates per
/// metering point except the rare defaulted one.
public struct GroupAllocator: Sendable {
    public let snapshot: RegisterSnapshot
    public let segments: [SPSegment]
    public let cutoffVersion: Int64
    public let bmUnits: BMUnitAssignments
    public let backstop: DefaultingBackstop
    /// The LSS's shapes for the date; nil or a missing category falls back to ``backstop``.
    public let shapes: DefaultingShapes?
    /// The legacy NHH points' profiles; nil leaves legacy points unsettled, as before the legacy
    /// path existed.
    public let legacyProfiles: LegacyProfiles?

    public init(
        snapshot: RegisterSnapshot, segments: [SPSegment], cutoffVersion: Int64, bmUnits: BMUnitAssignments = .init(),
        backstop: DefaultingBackstop = .standard, shapes: DefaultingShapes? = nil, legacyProfiles: LegacyProfiles? = nil
    ) {
        self.legacyProfiles = legacyProfiles
        self.snapshot = snapshot
        self.segments = segments.filter { $0.rowCount > 0 }
        self.cutoffVersion = cutoffVersion
        self.bmUnits = bmUnits
        self.backstop = backstop
        self.shapes = shapes
    }

    public func allocate() -> GroupAllocation {
        allocate(classify())
    }

    /// The allocation with the points already classified (``classify()``).
    func allocate(_ classification: Classification) -> GroupAllocation {
        let date = snapshot.settlementDate
        let periods = date.periodCount
        let keys = classification.keys
        let keyOfPoint = classification.keyOfPoint
        var wattHours = [Int64](repeating: 0, count: keys.count * 2 * periods)
        var tally = Tally(statistics: classification.statistics)
        let allPeriods: UInt64 = (1 << UInt64(periods)) - 1
        var resolver = RowResolver(segments: segments, periods: periods, cutoff: cutoffVersion)
        defer { resolver.release() }
        // One segment (a bulk load, or a day never resubmitted): join it once by MPAN and hand
        // out its rows directly; otherwise merge versions per metering point.
        let single = segments.count == 1 ? SingleSegmentJoin(segment: segments[0], snapshot: snapshot, cutoff: cutoffVersion) : nil
        wattHours.withUnsafeMutableBufferPointer { sums in
            // Fast pass: every point whose one row is complete; the rest go to the slow pass.
            let (slow, complete) =
                single?.addCompleteRows(
                    keyOfPoint: keyOfPoint, general: keys.map { $0.meteringClass == CCCTable.legacyNHHClass }, into: sums, periods: periods)
                ?? (Array(0..<snapshot.count), 0)
            tally.statistics.withCompleteData += complete
            tally.statistics.valuesRead += complete * periods
            for point in slow {
                let key = Int(keyOfPoint[point])
                guard key >= 0 else { continue }
                if keys[key].meteringClass == CCCTable.legacyNHHClass {
                    addLegacyProfile(point: point, key: key, into: sums, periods: periods, tally: &tally)
                    continue
                }
                let exporting = snapshot.energyDirection[point] == 1
                let row =
                    single?.row(of: point, periods: periods)
                    ?? resolver.resolve(mpan: snapshot.mpans[point], quantityIndex: exporting ? 1 : 0)
                let base = key * 2 * periods
                if row.present == allPeriods {
                    tally.statistics.withCompleteData += 1
                    Self.addAll(row.values, estimated: row.estimated, into: sums, base: base, periods: periods)
                    tally.statistics.valuesRead += periods
                    continue
                }
                if row.present != 0 {
                    Self.addPresent(row.values, present: row.present, estimated: row.estimated, into: sums, base: base, periods: periods)
                    tally.statistics.valuesRead += row.present.nonzeroBitCount
                }
                defaultMissing(point: point, key: key, keys: keys, present: row.present, into: sums, periods: periods, tally: &tally)
            }
        }
        return finish(classification, wattHours: wattHours, tally: tally)
    }

    /// What a scan adds up besides the sums.
    struct Tally {
        var statistics: AllocationStatistics
        var defaulted: [DefaultedMeteringPoint] = []
    }

    /// The allocation from the sums and tally, with the per-key point counts.
    func finish(_ classification: Classification, wattHours: [Int64], tally: Tally) -> GroupAllocation {
        let keys = classification.keys
        var counts = [Int](repeating: 0, count: keys.count)
        var deEnergised = [Int](repeating: 0, count: keys.count)
        let deEnergisedCode = UInt8(EnergisationStatus.allCases.firstIndex(of: .deEnergised)!)
        for (point, key) in classification.keyOfPoint.enumerated() where key >= 0 {
            counts[Int(key)] += 1
            if snapshot.energisation[point] == deEnergisedCode { deEnergised[Int(key)] += 1 }
        }
        return GroupAllocation(
            settlementDate: snapshot.settlementDate, gspGroup: snapshot.gspGroup, periodCount: snapshot.settlementDate.periodCount,
            keys: keys, wattHours: wattHours, defaulted: tally.defaulted, statistics: tally.statistics, meteringPointCounts: counts,
            deEnergisedCounts: deEnergised)
    }

    /// A legacy NHH point's profiled volume (estimated by nature, never defaulted).
    func addLegacyProfile(point: Int, key: Int, into sums: UnsafeMutableBufferPointer<Int64>, periods: Int, tally: inout Tally) {
        let base = key * 2 * periods + periods
        let profileClass = Int(snapshot.profileClass[point])
        if let profiles = legacyProfiles, case let annual = profiles.annualWh[point], annual >= 0,
            profileClass < profiles.coefficients.count, case let coefficients = profiles.coefficients[profileClass],
            coefficients.count == periods
        {
            for period in 0..<periods {
                sums[base + period] += ExactShares.scaled(annual, times: coefficients[period], over: profiles.perYear)
            }
            tally.statistics.withCompleteData += 1
        }
    }

    /// Defaults the periods a point's data lacks (none for a de-energised point: zero).
    func defaultMissing(
        point: Int, key: Int, keys: [AllocationKey], present: UInt64, into sums: UnsafeMutableBufferPointer<Int64>, periods: Int,
        tally: inout Tally
    ) {
        let missing = ((1 << UInt64(periods)) - 1) & ~present
        let status = snapshot.energisation[point]
        if status != RegisterSnapshot.absent, EnergisationStatus.allCases[Int(status)] == .deEnergised {
            tally.statistics.deEnergisedWithoutData += 1
            return
        }
        let exporting = snapshot.energyDirection[point] == 1
        let base = key * 2 * periods
        let equivalentClass = Self.defaultingClass(of: point, in: snapshot, key: keys[key])
        let (values, flags, method) = defaults(
            point: point, key: keys[key], meteringClass: equivalentClass, exporting: exporting, missing: missing, periods: periods)
        var index = 0
        for period in 0..<periods where missing & (1 << UInt64(period)) != 0 {
            sums[base + periods + period] += values[index]
            index += 1
        }
        tally.statistics.defaultedMeteringPoints += 1
        tally.statistics.defaultedPeriods += missing.nonzeroBitCount
        tally.defaulted.append(
            DefaultedMeteringPoint(
                mpan: try! MPAN(String(snapshot.mpans[point])), supplier: keys[key].supplier, bmUnit: keys[key].bmUnit,
                dataService: snapshot.dataService[point] < 0 ? nil : snapshot.participants[Int(snapshot.dataService[point])],
                distributor: keys[key].distributor, meteringClass: equivalentClass,
                domestic: keys[key].domestic == .domestic, quantity: exporting ? .activeExport : .activeImport, periods: missing,
                wattHours: values, flags: flags, method: method))
    }

    /// The defaulted Wh and flag of each missing period: from the category's load shape when
    /// the LSS has one, else the flat back-stop (flag `E`).
    /// The MHHS metering class a point is defaulted as: its own, or for a legacy HH point the
    /// class of its segment and connection type (advanced when the pair is not an MHHS one).
    static func defaultingClass(of point: Int, in snapshot: RegisterSnapshot, key: AllocationKey) -> Int {
        guard CCCTable.isLegacy(key.meteringClass) else { return key.meteringClass }
        let connection = ConnectionType.allCases[Int(snapshot.connectionType[point])]
        return CCCTable.meteringClass(segment: MarketSegment.allCases[Int(snapshot.marketSegment[point])], connectionType: connection)
            ?? CCCTable.meteringClass(segment: .advanced, connectionType: connection) ?? 0
    }

    private func defaults(
        point: Int, key: AllocationKey, meteringClass: Int, exporting: Bool, missing: UInt64, periods: Int
    ) -> ([Int64], [LoadShapeFlag], DefaultingMethod) {
        let annual = snapshot.annualConsumptionWh[point]
        let count = missing.nonzeroBitCount
        let (segment, connection) = CCCTable.meteringClasses[meteringClass]
        let category = LoadShapeCategory(
            gspGroup: snapshot.gspGroup, connectionType: connection, marketSegment: segment,
            domesticPremise: key.domestic ?? .nonDomestic, measurementQuantity: exporting ? .activeExport : .activeImport)
        if let shape = shapes?.periods(for: category), shape.values.count == periods {
            var values: [Int64] = []
            var flags: [LoadShapeFlag] = []
            let (flat, flatMethod) = backstop.perPeriod(annualConsumptionWh: annual, meteringClass: meteringClass)
            // The method of the shape's periods; the back-stop's when every period fell back.
            var method = flatMethod
            values.reserveCapacity(count)
            for period in 0..<periods where missing & (1 << UInt64(period)) != 0 {
                // [A] A period the LSS had no data for (B) takes the flat back-stop (E), not zero.
                guard shape.flags[period] != .noData else {
                    values.append(flat)
                    flags.append(.backstop)
                    continue
                }
                let (value, used) = DefaultingShapes.value(shape, period: period, annualConsumptionWh: annual)
                values.append(value)
                flags.append(shape.flags[period])
                method = used
            }
            return (values, flags, method)
        }
        let (perPeriod, method) = backstop.perPeriod(annualConsumptionWh: annual, meteringClass: meteringClass)
        return (Array(repeating: perPeriod, count: count), Array(repeating: .backstop, count: count), method)
    }

    /// Adds a full row: every value to the actual slot in one vectorisable pass, then moves
    /// the (few) estimated periods across.
    @inline(__always)
    static func addAll(
        _ values: UnsafePointer<Int32>, estimated: UInt64, into sums: UnsafeMutableBufferPointer<Int64>, base: Int, periods: Int
    ) {
        let actual = sums.baseAddress! + base
        for period in 0..<periods { actual[period] &+= Int64(values[period]) }
        var moving = estimated
        while moving != 0 {
            let period = moving.trailingZeroBitCount
            let value = Int64(values[period])
            actual[period] &-= value
            actual[periods + period] &+= value
            moving &= moving &- 1
        }
    }

    @inline(__always)
    private static func addPresent(
        _ values: UnsafePointer<Int32>, present: UInt64, estimated: UInt64, into sums: UnsafeMutableBufferPointer<Int64>,
        base: Int, periods: Int
    ) {
        for period in 0..<periods where present & (1 << UInt64(period)) != 0 {
            let kind = Int((estimated >> UInt64(period)) & 1)
            sums[base + kind * periods + period] &+= Int64(values[period])
        }
    }
}
