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
    public let shapes: [LoadShape]
    private let index: [LoadShapeCategory: Int]

    public init(id: String, day: UTCDay, runNumber: Int, runAt: UTCInstant, spDataVersion: Int64, minimumSample: Int, shapes: [LoadShape]) {
        self.id = id
        self.day = day
        self.runNumber = runNumber
        self.runAt = runAt
        self.spDataVersion = spDataVersion
        self.minimumSample = minimumSample
        self.shapes = shapes
        index = Dictionary(shapes.enumerated().map { ($1.category, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func shape(for category: LoadShapeCategory) -> LoadShape? { index[category].map { shapes[$0] } }

    /// The run as stored under another number, id and publication time.
    public func numbered(_ number: Int, publishedAt instant: UTCInstant) -> LoadShapeRun {
        LoadShapeRun(
            id: "\(day)-LSS-\(number)", day: day, runNumber: number, runAt: instant, spDataVersion: spDataVersion,
            minimumSample: minimumSample, shapes: shapes)
    }
}

/// Where LSS runs are kept: SQLite in the data folder, or PostgreSQL (`MHHSStorage`).
public protocol LoadShapeRepository: Sendable {
    /// Stores a run atomically and returns it as stored: numbered after the day's last run
    /// (its id follows), and published at its `runAt` or, when later, at the latest publication
    /// time already stored, so "published by T" only ever gains runs made after T's readers
    /// (as SP-data receipt times do). Concurrent saves are serialised.
    func save(_ run: LoadShapeRun) async throws -> LoadShapeRun
    /// The latest run of the latest day at or before `day` that has one, counting only runs
    /// made at or before `publishedBy` when given (what a settlement run at that time saw).
    func latestRun(onOrBefore day: UTCDay, publishedBy: UTCInstant?) async throws -> LoadShapeRun?
    /// The day totals of each category from the latest run of every day in `days` published by
    /// `publishedBy`.
    func dayTotals(in days: ClosedRange<UTCDay>, publishedBy: UTCInstant) async throws -> [LoadShapeCategory: [LoadShapeDayTotals]]
}
