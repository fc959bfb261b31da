import MHHSCore
import MHHSSettlement

/// The load shapes a data service estimates with: the LSS's published runs, by UTC day.
///
/// [A] A day uses its own shape when the LSS has published one, else the latest earlier day's
/// (a data service estimates before the day's shape exists); a category missing from that run
/// uses its national category.
public struct ShapeLibrary: Sendable {
    private var runs: [UTCDay: LoadShapeRun]
    private let days: [UTCDay]

    public init(runs: [LoadShapeRun]) {
        var byDay: [UTCDay: LoadShapeRun] = [:]
        for run in runs where (byDay[run.day]?.runNumber ?? 0) < run.runNumber { byDay[run.day] = run }
        self.runs = byDay
        days = byDay.keys.sorted()
    }

    public var isEmpty: Bool { runs.isEmpty }

    /// The shape for a category on a day, or nil when no run at or before the day has it.
    public func shape(for category: LoadShapeCategory, on day: UTCDay) -> LoadShape? {
        guard let latest = days.last(where: { $0 <= day }), let run = runs[latest] else { return nil }
        return run.shape(for: category) ?? run.shape(for: category.national)
    }

    /// The shape's value of the period ending at `end` (its UTC day's run), or nil.
    public func value(for category: LoadShapeCategory, periodEnding end: UTCInstant) -> Int64? {
        let start = end.adding(seconds: -settlementPeriodSeconds)
        let day = UTCDay(dayNumber: start.utcDayNumber)
        return shape(for: category, on: day)?.values[Int(start.secondOfUTCDay / settlementPeriodSeconds)]
    }
}
