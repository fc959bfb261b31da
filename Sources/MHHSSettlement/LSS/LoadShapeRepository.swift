import MHHSCore

/// One LSS run: every category's shape for one UTC day, built from the SP data received by
/// `runAt`. Runs are immutable; a day's latest run is the one published and used.
public struct LoadShapeRun: Sendable, Hashable {
    /// `<day>-LSS-<n>`.
    public var id: String
    public var day: UTCDay
    public var runNumber: Int
    public var runAt: UTCInstant
    /// The SP-data cut-off version the samples were read at.
    public var spDataVersion: Int64
    public var minimumSample: Int
    public var shapes: [LoadShape]

    public init(id: String, day: UTCDay, runNumber: Int, runAt: UTCInstant, spDataVersion: Int64, minimumSample: Int, shapes: [LoadShape]) {
        self.id = id
        self.day = day
        self.runNumber = runNumber
        self.runAt = runAt
        self.spDataVersion = spDataVersion
        self.minimumSample = minimumSample
        self.shapes = shapes
    }

    public func shape(for category: LoadShapeCategory) -> LoadShape? { shapes.first { $0.category == category } }
}

/// Where LSS runs are kept: SQLite in the data folder, or PostgreSQL (`MHHSStorage`).
public protocol LoadShapeRepository: Sendable {
    /// Stores a run atomically; refuses a second run with the same id.
    func save(_ run: LoadShapeRun) async throws
    /// How many runs a day has.
    func runCount(on day: UTCDay) async throws -> Int
    /// The latest run of the latest day at or before `day` that has one, counting only runs
    /// made at or before `publishedBy` when given (what a settlement run at that time saw).
    func latestRun(onOrBefore day: UTCDay, publishedBy: UTCInstant?) async throws -> LoadShapeRun?
    /// The day totals of each category from the latest run of every day in `days`.
    func dayTotals(in days: ClosedRange<UTCDay>) async throws -> [LoadShapeCategory: [LoadShapeDayTotals]]
}
