import MHHSCore
import MHHSRegistration

/// The actual data of one GSP group's metering points for one UTC day, summed per category and
/// UTC period: what a load shape is the mean of.
public struct LoadShapeSample: Sendable {
    public let gspGroup: GSPGroup
    public let day: UTCDay
    /// Σ actual Wh, `[key * 48 + slot]` (key: ``LoadShapeCategory``'s dense index).
    var sums: [Int64]
    /// How many actual values, same layout.
    var counts: [Int32]
    /// Metering points in each category on the day (a category with none gets no shape).
    var population: [Int32]

    public init(gspGroup: GSPGroup, day: UTCDay) {
        self.gspGroup = gspGroup
        self.day = day
        sums = Array(repeating: 0, count: LoadShapeCategory.keyCount * UTCDay.periodCount)
        counts = Array(repeating: 0, count: LoadShapeCategory.keyCount * UTCDay.periodCount)
        population = Array(repeating: 0, count: LoadShapeCategory.keyCount)
    }

    /// Adds the actual values of one settlement date's segments that fall in ``day``: the whole
    /// date in GMT, and in BST the date's periods 3–48 and the next date's periods 1–2.
    ///
    /// Counted: metering points settled under MHHS and energised on the date [A] (a
    /// de-energised point's zeros are not consumption); per point the quantities of its
    /// direction (AI or AE, and RI or RE for the advanced segment); per period only the latest
    /// version at or below `cutoff`, and only when it is actual (`A`, `A1`–`A3`).
    public mutating func add(snapshot: RegisterSnapshot, segments: [SPSegment], cutoff: Int64, configuration: LSSConfiguration) {
        let date = snapshot.settlementDate
        let periods = date.periodCount
        let slotOfPeriod = date.utcSlots.map { $0.day == day ? $0.slot : -1 }
        guard slotOfPeriod.contains(where: { $0 >= 0 }) else { return }
        let countsPopulation = date.dayNumber == day.dayNumber
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let energised = UInt8(EnergisationStatus.allCases.firstIndex(of: .energised)!)
        let advanced = UInt8(MarketSegment.allCases.firstIndex(of: .advanced)!)
        var resolver = RowResolver(segments: segments, periods: periods, cutoff: cutoff)
        defer { resolver.release() }
        for point in 0..<snapshot.count {
            guard snapshot.arrangement[point] == mhhs, snapshot.energisation[point] == energised else { continue }
            let connection = snapshot.connectionType[point]
            let segment = snapshot.marketSegment[point]
            let direction = snapshot.energyDirection[point]
            guard connection != RegisterSnapshot.absent, segment != RegisterSnapshot.absent, direction != RegisterSnapshot.absent else {
                continue
            }
            // DomesticPremiseIndicator order: T 0, F 1; no indicator counts as F (LoadShapeCategory).
            let domestic = snapshot.domesticPremise[point] == 0 ? 0 : 1
            let base = ((Int(connection) * 3 + Int(segment)) * 2 + domestic) * 4
            // MQ indices: AI 0, AE 1, RI 2, RE 3; ascending, as the resolver walks them.
            let active = UInt8(direction)
            let quantities: [UInt8] = segment == advanced ? [active, active + 2] : [active]
            for quantity in quantities {
                let key = base + Int(quantity)
                if countsPopulation { population[key] += 1 }
                let row = resolver.resolve(mpan: snapshot.mpans[point], quantityIndex: quantity)
                let actual = row.present & ~row.estimated
                guard actual != 0 else { continue }
                for period in 0..<periods where actual & (1 << UInt64(period)) != 0 {
                    let slot = slotOfPeriod[period]
                    guard slot >= 0 else { continue }
                    sums[key * UTCDay.periodCount + slot] += Int64(row.values[period])
                    counts[key * UTCDay.periodCount + slot] += 1
                }
            }
        }
    }
}
