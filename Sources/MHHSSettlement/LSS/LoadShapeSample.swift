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
        // The date's periods in this UTC day are one contiguous run: period p is slot p + offset.
        let slots = date.utcSlots
        guard let first = slots.firstIndex(where: { $0.day == day }) else { return }
        let last = slots.lastIndex { $0.day == day }!
        let offset = slots[first].slot - first
        let inDay: UInt64 = ((1 << UInt64(last - first + 1)) - 1) << UInt64(first)
        let countsPopulation = date.dayNumber == day.dayNumber
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let energised = UInt8(EnergisationStatus.allCases.firstIndex(of: .energised)!)
        let advanced = UInt8(MarketSegment.allCases.firstIndex(of: .advanced)!)
        // Rows whose every in-day period is actual are counted per key, not per period.
        var completeRows = [Int32](repeating: 0, count: LoadShapeCategory.keyCount)
        var resolver = RowResolver(segments: segments, periods: periods, cutoff: cutoff)
        defer { resolver.release() }
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                for point in 0..<snapshot.count {
                    guard snapshot.arrangement[point] == mhhs, snapshot.energisation[point] == energised else { continue }
                    let connection = snapshot.connectionType[point]
                    let segment = snapshot.marketSegment[point]
                    let direction = snapshot.energyDirection[point]
                    guard connection != RegisterSnapshot.absent, segment != RegisterSnapshot.absent, direction != RegisterSnapshot.absent
                    else { continue }
                    // DomesticPremiseIndicator order: T 0, F 1; no indicator counts as F (LoadShapeCategory).
                    let domestic = snapshot.domesticPremise[point] == 0 ? 0 : 1
                    let base = ((Int(connection) * 3 + Int(segment)) * 2 + domestic) * 4
                    // MQ indices: AI 0, AE 1, RI 2, RE 3; ascending, as the resolver walks them.
                    let quantities = segment == advanced ? 2 : 1
                    for step in 0..<quantities {
                        let quantity = direction + UInt8(step * 2)
                        let key = base + Int(quantity)
                        if countsPopulation { population[key] += 1 }
                        let row = resolver.resolve(mpan: snapshot.mpans[point], quantityIndex: quantity)
                        let actual = row.present & ~row.estimated & inDay
                        guard actual != 0 else { continue }
                        let target = sums.baseAddress! + key * UTCDay.periodCount + offset
                        if actual == inDay {
                            completeRows[key] += 1
                            for period in first...last { target[period] &+= Int64(row.values[period]) }
                            continue
                        }
                        let counted = counts.baseAddress! + key * UTCDay.periodCount + offset
                        var remaining = actual
                        while remaining != 0 {
                            let period = remaining.trailingZeroBitCount
                            target[period] &+= Int64(row.values[period])
                            counted[period] &+= 1
                            remaining &= remaining &- 1
                        }
                    }
                }
            }
        }
        for key in completeRows.indices where completeRows[key] > 0 {
            for period in first...last { counts[key * UTCDay.periodCount + period + offset] += completeRows[key] }
        }
    }
}
