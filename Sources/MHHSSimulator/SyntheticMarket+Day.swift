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
        let suppliers = Self.suppliers.map { builder.participantIndex(try! MPID($0.0)) }
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

    /// The SP data of a group for a date as one segment: every point that sends data, all its
    /// periods, in MPAN order.
    public func segment(of group: GSPGroup, on date: SettlementDate) -> SPSegmentBuilder {
        let count = count(of: group)
        let periods = date.periodCount
        var builder = SPSegmentBuilder(settlementDate: date, gspGroup: group, reservingRows: count)
        var values = [Int32](repeating: 0, count: periods)
        var quality = [UInt8](repeating: 0, count: periods)
        let estimate = QualityCode("E2")!.rawValue
        for index in 0..<count {
            var point = point(group: group, index: index)
            guard !point.silent else { continue }
            let (low, high) = Self.range(point)
            for period in 0..<periods {
                let draw = point.generator.next()
                values[period] =
                    point.deEnergised ? 0 : Int32(low + Int64(draw % UInt64(high - low + 1))) * Self.shape(point, period, periods) / 4
                quality[period] = (draw >> 40) % 100 < 2 ? estimate : 1
            }
            values.withUnsafeBufferPointer { valueBuffer in
                quality.withUnsafeBufferPointer { qualityBuffer in
                    builder.addRow(
                        mpan: point.mpan, quantityIndex: point.exporting ? 1 : 0, version: 0, values: valueBuffer, quality: qualityBuffer)
                }
            }
        }
        return builder
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

private func format3(_ value: Int) -> String { String(repeating: "0", count: 3 - String(value).count) + String(value) }
