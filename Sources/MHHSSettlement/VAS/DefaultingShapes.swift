import MHHSCore

/// The load shapes MDS defaults missing data with on one settlement date, mapped from the LSS's
/// UTC days onto the date's local periods.
///
/// [A] Each UTC day uses the latest LSS run for it published by the settlement run's time, or
/// the latest earlier day's when it has none (the same rule as the data services), so a rerun
/// at the same time sees the same shapes.
public struct DefaultingShapes: Sendable {
    /// One category's shape on the date: per local period, the value, its flag, and the annual
    /// total of the UTC day's shape it came from.
    public struct Periods: Sendable, Hashable {
        public var values: [Int64]
        public var flags: [LoadShapeFlag]
        public var annualTotals: [Int64]
    }

    public let settlementDate: SettlementDate
    /// The LSS runs used (for the manifest).
    public let runIDs: [String]
    private let byCategory: [LoadShapeCategory: Periods]

    /// Maps `runs` (keyed by the UTC day they are used for) onto `date`'s periods.
    public init(date: SettlementDate, runs: [UTCDay: LoadShapeRun]) {
        settlementDate = date
        runIDs = Set(runs.values.map(\.id)).sorted()
        let slots = date.utcSlots
        var categories = Set<LoadShapeCategory>()
        for run in runs.values { categories.formUnion(run.shapes.map(\.category)) }
        var table: [LoadShapeCategory: Periods] = [:]
        for category in categories {
            var periods = Periods(values: [], flags: [], annualTotals: [])
            for slot in slots {
                guard let shape = runs[slot.day]?.shape(for: category) else { break }
                periods.values.append(shape.values[slot.slot])
                periods.flags.append(shape.flags[slot.slot])
                periods.annualTotals.append(shape.totals.annual)
            }
            if periods.values.count == slots.count { table[category] = periods }
        }
        byCategory = table
    }

    /// The shapes a run at `instant` uses for `date`: each UTC day's latest run published by then
    /// (or the latest earlier day's); nil when there is none at all.
    public static func load(date: SettlementDate, publishedBy instant: UTCInstant, from shapes: any LoadShapeRepository) async throws
        -> DefaultingShapes?
    {
        var runs: [UTCDay: LoadShapeRun] = [:]
        for day in date.utcDays {
            if let run = try await shapes.latestRun(onOrBefore: day, publishedBy: instant) { runs[day] = run }
        }
        return runs.isEmpty ? nil : DefaultingShapes(date: date, runs: runs)
    }

    /// The shape for a metering point's category on the date: its group's, else the national one.
    public func periods(for category: LoadShapeCategory) -> Periods? { byCategory[category] ?? byCategory[category.national] }

    /// The defaulted Wh of one period: shape value × annual consumption ÷ the shape's annual total
    /// (DOMAIN §6), rounded half up; without an annual consumption, the shape value itself (the
    /// category's mean per metering point).
    public static func value(_ periods: Periods, period: Int, annualConsumptionWh: Int64) -> (Int64, DefaultingMethod) {
        let total = periods.annualTotals[period]
        guard annualConsumptionWh >= 0, total > 0 else { return (periods.values[period], .loadShapeMean) }
        return (LoadShapeTotals.scale(periods.values[period], annualConsumptionWh: annualConsumptionWh, annualTotal: total), .loadShape)
    }
}
