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

    public init(
        snapshot: RegisterSnapshot, segments: [SPSegment], cutoffVersion: Int64, bmUnits: BMUnitAssignments = .init(),
        backstop: DefaultingBackstop = .standard
    ) {
        self.snapshot = snapshot
        self.segments = segments.filter { $0.rowCount > 0 }
        self.cutoffVersion = cutoffVersion
        self.bmUnits = bmUnits
        self.backstop = backstop
    }

    public func allocate() -> GroupAllocation {
        let date = snapshot.settlementDate
        let periods = date.periodCount
        let (keys, keyOfPoint, statisticsBase) = classify()
        var wattHours = [Int64](repeating: 0, count: keys.count * 2 * periods)
        var statistics = statisticsBase
        var defaulted: [DefaultedMeteringPoint] = []
        let allPeriods: UInt64 = (1 << UInt64(periods)) - 1
        let energisedCodes = EnergisationStatus.allCases
        var counts = [Int](repeating: 0, count: keys.count)
        var deEnergised = [Int](repeating: 0, count: keys.count)
        let deEnergisedCode = UInt8(EnergisationStatus.allCases.firstIndex(of: .deEnergised)!)
        for (point, key) in keyOfPoint.enumerated() where key >= 0 {
            counts[Int(key)] += 1
            if snapshot.energisation[point] == deEnergisedCode { deEnergised[Int(key)] += 1 }
        }
        var resolver = RowResolver(segments: segments, periods: periods, cutoff: cutoffVersion)
        defer { resolver.release() }
        wattHours.withUnsafeMutableBufferPointer { sums in
            for point in 0..<snapshot.count {
                let key = Int(keyOfPoint[point])
                guard key >= 0 else { continue }
                let exporting = snapshot.energyDirection[point] == 1
                let row = resolver.resolve(mpan: snapshot.mpans[point], quantityIndex: exporting ? 1 : 0)
                let base = key * 2 * periods
                if row.present == allPeriods {
                    statistics.withCompleteData += 1
                    Self.addAll(row.values, estimated: row.estimated, into: sums, base: base, periods: periods)
                    statistics.valuesRead += periods
                    continue
                }
                if row.present != 0 {
                    Self.addPresent(row.values, present: row.present, estimated: row.estimated, into: sums, base: base, periods: periods)
                    statistics.valuesRead += row.present.nonzeroBitCount
                }
                let missing = allPeriods & ~row.present
                let status = snapshot.energisation[point]
                if status != RegisterSnapshot.absent, energisedCodes[Int(status)] == .deEnergised {
                    statistics.deEnergisedWithoutData += 1
                    continue
                }
                let meteringClass = keys[key].meteringClass
                let (perPeriod, method) = backstop.perPeriod(
                    annualConsumptionWh: snapshot.annualConsumptionWh[point], meteringClass: meteringClass)
                for period in 0..<periods where missing & (1 << UInt64(period)) != 0 {
                    sums[base + periods + period] += perPeriod
                }
                statistics.defaultedMeteringPoints += 1
                statistics.defaultedPeriods += missing.nonzeroBitCount
                defaulted.append(
                    DefaultedMeteringPoint(
                        mpan: try! MPAN(String(snapshot.mpans[point])), supplier: keys[key].supplier, bmUnit: keys[key].bmUnit,
                        quantity: exporting ? .activeExport : .activeImport, periods: missing,
                        wattHoursPerPeriod: perPeriod, method: method))
            }
        }
        return GroupAllocation(
            settlementDate: date, gspGroup: snapshot.gspGroup, periodCount: periods, keys: keys, wattHours: wattHours,
            defaulted: defaulted, statistics: statistics, meteringPointCounts: counts, deEnergisedCounts: deEnergised)
    }

    @inline(__always)
    private static func addAll(
        _ values: UnsafePointer<Int32>, estimated: UInt64, into sums: UnsafeMutableBufferPointer<Int64>, base: Int, periods: Int
    ) {
        if estimated == 0 {
            for period in 0..<periods { sums[base + period] &+= Int64(values[period]) }
            return
        }
        for period in 0..<periods {
            let kind = Int((estimated >> UInt64(period)) & 1)
            sums[base + kind * periods + period] &+= Int64(values[period])
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

    /// The key of every snapshot entry (-1: not settled), the sorted keys, and the count of
    /// entries not settled.
    private func classify() -> ([AllocationKey], [Int32], AllocationStatistics) {
        var statistics = AllocationStatistics()
        let group = snapshot.gspGroup
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let segmentsByCode = MarketSegment.allCases
        let connectionsByCode = ConnectionType.allCases
        var classOfCodes = [Int](repeating: -1, count: 256 * 8)
        for (segmentCode, segment) in segmentsByCode.enumerated() {
            for (connectionCode, connection) in connectionsByCode.enumerated() {
                classOfCodes[segmentCode * 8 + connectionCode] =
                    CCCTable.meteringClass(segment: segment, connectionType: connection) ?? -1
            }
        }
        var provisional: [Int64: Int32] = [:]
        var configuredKeys: [String: Int32] = [:]
        var provisionalKeys: [AllocationKey] = []
        var keyOfPoint = [Int32](repeating: -1, count: snapshot.count)
        var defaultUnits: [Int32: String] = [:]
        for point in 0..<snapshot.count {
            let supplier = snapshot.supplier[point]
            let segment = snapshot.marketSegment[point]
            let connection = snapshot.connectionType[point]
            guard supplier >= 0, snapshot.arrangement[point] == mhhs, segment != RegisterSnapshot.absent,
                connection != RegisterSnapshot.absent, case let meteringClass = classOfCodes[Int(segment) * 8 + Int(connection)],
                meteringClass >= 0
            else {
                statistics.notSettled += 1
                continue
            }
            statistics.meteringPoints += 1
            // A configured BM unit is rare: such points are keyed by text beside the packed keys.
            let configured = bmUnits.byMPAN.isEmpty ? nil : bmUnits.byMPAN[snapshot.mpans[point]]
            let supplierMPID = snapshot.participants[Int(supplier)]
            let unitTag: Int64 = configured != nil && configured!.supplier == supplierMPID ? snapshot.mpans[point] : -1
            let exporting: Int64 = snapshot.energyDirection[point] == 1 ? 1 : 0
            let distributor = Int64(snapshot.distributor[point]) & 0xFFFF
            let llf = Int64(snapshot.llfClass[point]) & 0xFFFF
            let domestic = Int64(snapshot.domesticPremise[point] & 3)
            let packed =
                Int64(supplier) << 40 | distributor << 24 | llf << 8 | domestic << 5 | Int64(meteringClass) << 1 | exporting
            let configuredTag = unitTag >= 0 ? "\(packed)|\(configured!.bmUnit)" : nil
            if let configuredTag, let existing = configuredKeys[configuredTag] {
                keyOfPoint[point] = existing
                continue
            }
            if configuredTag == nil, let existing = provisional[packed] {
                keyOfPoint[point] = existing
                continue
            }
            let unit: String
            if unitTag >= 0 {
                unit = configured!.bmUnit
            } else if let cached = defaultUnits[supplier] {
                unit = cached
            } else {
                unit = BMUnitAssignments.defaultUnit(supplier: supplierMPID, group: group)
                defaultUnits[supplier] = unit
            }
            let key = AllocationKey(
                supplier: supplierMPID, bmUnit: unit, meteringClass: meteringClass, direction: exporting == 1 ? .exporting : .importing,
                distributor: snapshot.distributor[point] < 0 ? nil : snapshot.participants[Int(snapshot.distributor[point])],
                llfClass: snapshot.llfClass[point] < 0 ? nil : snapshot.llfClasses[Int(snapshot.llfClass[point])],
                domestic: snapshot.domesticPremise[point] == RegisterSnapshot.absent
                    ? nil : DomesticPremiseIndicator.allCases[Int(snapshot.domesticPremise[point])])
            let index =
                provisionalKeys.firstIndex(of: key).map(Int32.init)
                ?? {
                    provisionalKeys.append(key)
                    return Int32(provisionalKeys.count - 1)
                }()
            if let configuredTag { configuredKeys[configuredTag] = index } else { provisional[packed] = index }
            keyOfPoint[point] = index
        }
        // Sort keys so results come out in one order whatever the snapshot's order was.
        let order = provisionalKeys.indices.sorted { provisionalKeys[$0] < provisionalKeys[$1] }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        for point in keyOfPoint.indices where keyOfPoint[point] >= 0 { keyOfPoint[point] = rank[Int(keyOfPoint[point])] }
        return (order.map { provisionalKeys[$0] }, keyOfPoint, statistics)
    }
}
