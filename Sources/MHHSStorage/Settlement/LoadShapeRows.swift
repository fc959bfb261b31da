import MHHSCore
import MHHSSettlement

/// One stored shape as text columns, the same in SQLite and PostgreSQL: comma-separated Wh and
/// sample counts, the flags as one letter per period, and the IF-023 totals (`-` for null).
struct LoadShapeRow: Sendable {
    var category: String
    var periodValues: String
    var flags: String
    var samples: String
    var totals: String

    init(_ shape: LoadShape) {
        category = shape.category.description
        periodValues = shape.values.map(String.init).joined(separator: ",")
        flags = shape.flags.map(\.rawValue).joined()
        samples = shape.samples.map(String.init).joined(separator: ",")
        let t = shape.totals
        totals = [t.day, t.dayPeak, t.dayOffPeak, t.sevenDay, t.sevenDayPeak, t.sevenDayOffPeak, t.annual].map {
            $0.map(String.init) ?? "-"
        }
        .joined(separator: ",")
    }

    init(category: String, periodValues: String, flags: String, samples: String, totals: String) {
        self.category = category
        self.periodValues = periodValues
        self.flags = flags
        self.samples = samples
        self.totals = totals
    }

    func values() throws -> [Int64] {
        let values = periodValues.split(separator: ",").compactMap { Int64($0) }
        guard values.count == UTCDay.periodCount else { throw LoadShapeError.badStoredShape("\(category): \(values.count) period values") }
        return values
    }

    func shape(day: UTCDay) throws -> LoadShape {
        let flagValues = flags.compactMap { LoadShapeFlag(rawValue: String($0)) }
        let sampleValues = samples.split(separator: ",").compactMap { Int32($0) }
        let figures = totals.split(separator: ",").map { $0 == "-" ? nil : Int64($0) }
        guard flagValues.count == UTCDay.periodCount, sampleValues.count == UTCDay.periodCount, figures.count == 7,
            let day0 = figures[0], let seven = figures[3], let annual = figures[6]
        else { throw LoadShapeError.badStoredShape(category) }
        return LoadShape(
            category: try LoadShapeCategory(text: category), day: day, values: try values(), flags: flagValues, samples: sampleValues,
            totals: LoadShapeTotals(
                day: day0, dayPeak: figures[1], dayOffPeak: figures[2], sevenDay: seven, sevenDayPeak: figures[4],
                sevenDayOffPeak: figures[5], annual: annual))
    }
}
