import MHHSCore
import MHHSRegistration
import MHHSSettlement

extension SyntheticMarket {
    /// The register of a group on a date, as the VAS reads it (every point in MHHS).
    public func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) -> RegisterSnapshot {
        let count = count(of: group)
        var builder = RegisterSnapshotBuilder(gspGroup: group, settlementDate: date, asKnownAt: instant, expectedCount: count)
        let area = Self.areas.first { $0.group == group }!
        let distributor = builder.participantIndex(try! MPID(area.mpid))
        let suppliers = participants.suppliers.map { builder.participantIndex($0) }
        let llfClasses = (0...60).map { builder.llfClassIndex(String(format3($0))) }
        for index in 0..<count {
            let point = point(group: group, index: index)
            var row = SnapshotRow()
            row.mpan = point.mpan
            row.mask = [
                .supplier, .distributor, .connectionType, .marketSegment, .energyDirection, .domesticPremise, .energisation, .arrangement,
                .llfClass,
            ]
            row.supplier = suppliers[point.supplier]
            row.distributor = distributor
            row.connectionType = RegisterSnapshotBuilder.code(point.connection)
            row.marketSegment = RegisterSnapshotBuilder.code(point.segment)
            row.energyDirection = RegisterSnapshotBuilder.code(point.exporting ? EnergyDirection.exporting : .importing)
            row.domesticPremise = RegisterSnapshotBuilder.code(point.domestic ? DomesticPremiseIndicator.domestic : .nonDomestic)
            row.energisation = RegisterSnapshotBuilder.code(point.deEnergised ? EnergisationStatus.deEnergised : .energised)
            row.arrangement = RegisterSnapshotBuilder.code(SettlementArrangement.mhhs)
            row.llfClass = llfClasses[point.llfClass]
            builder.add(row)
        }
        return builder.finish()
    }

    /// The SP data of a group for a date as one segment: every point that sends data and that
    /// `include` keeps (by MPAN), all its periods, in MPAN order. Values differ day by day
    /// (each point's draws are seeded with the date); `silent` points send nothing on the day.
    /// `lateData` gives what arrives later, for reconciliation runs: the silent points' data,
    /// and a revision (all actual, each value within ±5 %) of 1 % of the others'.
    public func segment(
        of group: GSPGroup, on date: SettlementDate, lateData: Bool = false, including include: (Int64) -> Bool = { _ in true }
    ) -> SPSegmentBuilder {
        let count = count(of: group)
        let periods = date.periodCount
        var builder = SPSegmentBuilder(settlementDate: date, gspGroup: group, reservingRows: lateData ? count / 100 : count)
        var values = [Int32](repeating: 0, count: periods)
        var quality = [UInt8](repeating: 0, count: periods)
        for index in 0..<count {
            let point = point(group: group, index: index)
            let revised = lateData && !point.silent && point.mpan % 100 == Int64(seed % 100)
            guard point.silent == lateData || revised, include(point.mpan) else { continue }
            Self.dayValues(point, on: date, revision: revised, values: &values, quality: &quality)
            values.withUnsafeBufferPointer { valueBuffer in
                quality.withUnsafeBufferPointer { qualityBuffer in
                    builder.addRow(
                        mpan: point.mpan, quantityIndex: point.exporting ? 1 : 0, version: 0, values: valueBuffer, quality: qualityBuffer)
                }
            }
        }
        return builder
    }

    /// The physical flows of a group on a date, per period: what every point took (imports)
    /// and gave (exports), whether or not it sends data or is settled on it.
    public func flows(of group: GSPGroup, on date: SettlementDate) -> (imports: [Int64], exports: [Int64]) {
        let periods = date.periodCount
        var imports = [Int64](repeating: 0, count: periods)
        var exports = [Int64](repeating: 0, count: periods)
        var values = [Int32](repeating: 0, count: periods)
        var quality = [UInt8](repeating: 0, count: periods)
        for index in 0..<count(of: group) {
            let point = point(group: group, index: index)
            Self.dayValues(point, on: date, revision: false, values: &values, quality: &quality)
            for period in 0..<periods {
                if point.exporting { exports[period] += Int64(values[period]) } else { imports[period] += Int64(values[period]) }
            }
        }
        return (imports, exports)
    }

    /// One point's values and quality codes on a date: its range × its daily shape × the season,
    /// 2 % of periods estimated, zero when de-energised.
    static func dayValues(_ point: Point, on date: SettlementDate, revision: Bool, values: inout [Int32], quality: inout [UInt8]) {
        var generator = point.generator
        var random = SplitMix64(seed: generator.next() ^ UInt64(date.dayNumber) &* 0x9E37_79B9_7F4A_7C15)
        // A revision moves each value by up to ±5 % (a corrected read, not a new day).
        var revisions = SplitMix64(seed: generator.next() ^ UInt64(date.dayNumber))
        let (low, high) = range(point)
        let periods = date.periodCount
        let estimate = QualityCode("E2")!.rawValue
        let season = seasonPercent(point, date)
        for period in 0..<periods {
            let draw = random.next()
            var value =
                point.deEnergised
                ? 0 : (low + Int64(draw % UInt64(high - low + 1))) * Int64(shape(point, period, periods)) * Int64(season) / 400
            if revision { value = value * Int64(95 + revisions.next() % 11) / 100 }
            values[period] = Int32(value)
            quality[period] = !revision && (draw >> 40) % 100 < 2 ? estimate : 1
        }
    }

    /// [A] The season and the week, in percent: demand higher in winter and lower in summer,
    /// solar export the other way round, non-domestic demand lower at weekends; street lighting
    /// follows its switching times only.
    static func seasonPercent(_ point: Point, _ date: SettlementDate) -> Int32 {
        let month = date.components.month
        if point.segment == .unmetered { return 100 }
        if point.exporting { return [50, 65, 90, 115, 135, 145, 140, 125, 100, 80, 60, 45][month - 1] }
        let season: Int32 = [120, 115, 105, 95, 90, 85, 85, 88, 95, 105, 112, 120][month - 1]
        return !point.domestic && date.isWeekend ? season * 70 / 100 : season
    }

    /// Wh per period before shaping, by class of metering point.
    static func range(_ point: Point) -> (Int64, Int64) {
        switch (point.segment, point.connection) {
        case (.smart, .wholeCurrent): point.exporting ? (0, 1_500) : (50, 600)
        case (.smart, _): (500, 8_000)
        case (.advanced, .wholeCurrent): (200, 5_000)
        case (.advanced, .lowVoltageCT): (2_000, 50_000)
        case (.advanced, .highVoltageCT): (50_000, 1_000_000)
        case (.advanced, _): (500_000, 5_000_000)
        default: (0, 300)
        }
    }

    /// A coarse daily shape in quarters (4 = average): evening peak for demand, daytime for
    /// export, night for street lighting.
    static func shape(_ point: Point, _ period: Int, _ periods: Int) -> Int32 {
        let hour = period * 24 / periods
        if point.exporting { return (9...16).contains(hour) ? 9 : 0 }
        if point.segment == .unmetered { return (7...17).contains(hour) ? 0 : 8 }
        return (17...20).contains(hour) ? 7 : (0...5).contains(hour) ? 2 : 4
    }
}
