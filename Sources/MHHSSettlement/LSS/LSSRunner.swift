import MHHSCore
import MHHSRegistration

/// Makes an LSS run for one UTC day: samples every GSP group's actual data as received by the
/// run's time, builds the shapes, adds the rolling totals from the stored history, stores it.
public struct LSSRunner: Sendable {
    public let register: any RegisterRepository
    public let spData: any SPDataStore
    public let shapes: any LoadShapeRepository
    public let configuration: LSSConfiguration

    public init(
        register: any RegisterRepository, spData: any SPDataStore, shapes: any LoadShapeRepository,
        configuration: LSSConfiguration = .init()
    ) {
        self.register = register
        self.spData = spData
        self.shapes = shapes
        self.configuration = configuration
    }

    public func run(day: UTCDay, at runAt: UTCInstant, groups: [GSPGroup] = GSPGroup.allCases) async throws -> LoadShapeRun {
        let version = try await spData.latestVersion(receivedAtOrBefore: runAt)
        // The settlement dates whose periods make up the UTC day (two in BST).
        let dates = Set(
            (0..<UTCDay.periodCount).map { LocalSettlementPeriod(containing: day.periodEnd(slot: $0).adding(seconds: -1)).date })
        var samples: [LoadShapeSample] = []
        for group in groups {
            var sample = LoadShapeSample(gspGroup: group, day: day)
            for date in dates.sorted() {
                let snapshot = try await register.snapshot(of: group, on: date, asKnownAt: runAt)
                let segments = try await spData.segments(of: date, group: group, upToVersion: version)
                sample.add(snapshot: snapshot, segments: segments, cutoff: version, configuration: configuration)
            }
            samples.append(sample)
        }
        var built = LoadShapeCalculator.shapes(samples: samples, day: day, configuration: configuration)
        let history = try await shapes.dayTotals(
            in: UTCDay(dayNumber: day.dayNumber - 364)...UTCDay(dayNumber: day.dayNumber - 1), publishedBy: runAt)
        for index in built.indices {
            let shape = built[index]
            built[index].totals = LoadShapeTotals(
                today: LoadShapeDayTotals(day: day, values: shape.values), history: history[shape.category] ?? [],
                segment: shape.category.marketSegment)
        }
        // The store numbers the run and fixes its publication time.
        return try await shapes.save(
            LoadShapeRun(
                id: "", day: day, runNumber: 0, runAt: runAt, spDataVersion: version, minimumSample: configuration.minimumSample,
                shapes: built))
    }
}
