import MHHSCore
import MHHSLegacy
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData

/// The whole transition on a synthetic market, day by day, through the real services and
/// stores: the market is registered in the legacy arrangements, migrated to MHHS in waves
/// (through the Registration Service's appointment processes, the demo answering as the
/// providers), its data services' data checked by MDS, the LSS run, and every day settled by the
/// VAS with legacy and MHHS points side by side; then late data and R1 runs for earlier days,
/// and the run-off. Every day's run is checked: Σ corrected = take per group, SP and direction,
/// and every registered MPAN settled exactly once.
public struct MarketDemo: Sendable {
    public struct Configuration: Sendable {
        public var meteringPoints: Int
        public var days: Int
        public var seed: UInt64
        /// The first settlement date.
        public var start: SettlementDate
        public var participants: MarketParticipants

        public init(
            meteringPoints: Int = 100_000, days: Int = 14, seed: UInt64 = 1, start: SettlementDate = try! SettlementDate("2026-11-02"),
            participants: MarketParticipants = .synthetic
        ) {
            self.meteringPoints = meteringPoints
            self.days = days
            self.seed = seed
            self.start = start
            self.participants = participants
        }
    }

    /// The stores and the settlement runner's inputs the demo works on.
    public struct Stores: Sendable {
        public let register: any RegisterRepository
        public let spData: any SPDataStore
        public let takes: any GroupTakeRepository
        public let runs: any SettlementRunRepository
        public let shapes: any LoadShapeRepository
        public let migrations: any MigrationRepository
        public let lineLossFactors: @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?

        public init(
            register: any RegisterRepository, spData: any SPDataStore, takes: any GroupTakeRepository, runs: any SettlementRunRepository,
            shapes: any LoadShapeRepository, migrations: any MigrationRepository,
            lineLossFactors: @escaping @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?
        ) {
            self.register = register
            self.spData = spData
            self.takes = takes
            self.runs = runs
            self.shapes = shapes
            self.migrations = migrations
            self.lineLossFactors = lineLossFactors
        }
    }

    /// One settlement date as the demo ran it.
    public struct Day: Sendable {
        public let date: SettlementDate
        /// Points per arrangement on the date.
        public let arrangements: [SettlementArrangement: Int]
        public let migratedByRun: Int
        public let mdsRefusals: Int
        public let lssRunID: String
        public let initialSettlement: RunManifest
        public let check: RunCheck
    }

    /// The demo's own consistency checks of one run.
    public struct RunCheck: Sendable {
        /// (group, SP, direction) cells whose corrected volumes did not sum to the take, among
        /// those the VAS could correct.
        public let unbalancedCells: Int
        public let cells: Int
        /// Cells with a take but no volume to scale (`nothing-correctable`: e.g. an export take
        /// where every exporting point's revised data is zero); the VAS reports these.
        public let uncorrectableCells: Int
        /// Points settled, against those registered.
        public let settled: Int
        public let registered: Int
        /// Cells the run should have: every group × SP × direction.
        public let expectedCells: Int
        public var passed: Bool { cells == expectedCells && unbalancedCells == 0 && uncorrectableCells == 0 && settled == registered }
    }

    public struct Summary: Sendable {
        /// Whether every point is settled under MHHS on the last date.
        public var migrationComplete: Bool {
            guard let last = days.last else { return false }
            return last.arrangements.filter { $0.key != .mhhs }.values.reduce(0, +) == 0
        }
        public let configuration: Configuration
        public let days: [Day]
        /// The R1 runs of earlier days after their late data, with how many result cells changed.
        public let reconciliations: [(run: RunManifest, check: RunCheck, changedCells: Int)]
        public let waves: [MigrationWave]
        public let runOff: RunOffReport
        public let progress: MigrationProgress
        public let lastShapes: LoadShapeRun?
        /// Where the time went, per phase summed over the days.
        public let timings: [(phase: String, seconds: Double)]
    }

    public let configuration: Configuration
    public let stores: Stores
    /// One set of coefficients for every day's run (each class, group and year worked out once).
    let coefficients = CachedProfileCoefficients(SyntheticProfileCoefficients())
    let stopwatch = DemoStopwatch()
    public var market: SyntheticMarket {
        SyntheticMarket(meteringPoints: configuration.meteringPoints, seed: configuration.seed, participants: configuration.participants)
    }
    public var participants: DemoParticipants { DemoParticipants(configuration.participants) }

    public init(configuration: Configuration, stores: Stores) {
        self.configuration = configuration
        self.stores = stores
    }

    /// Runs the demo; `progress` hears each step's name with how far it has got.
    public func run(progress: @Sendable (_ step: String, _ done: Int, _ total: Int) -> Void) async throws -> Summary {
        let start = configuration.start
        let days = (0..<configuration.days).map { start.adding(days: $0) }
        let market = market
        // Registered a month before the first date, in the legacy arrangements.
        let registeredAt = start.adding(days: -30).startInstant
        for (index, group) in GSPGroup.allCases.enumerated() {
            // In parts of 250,000 points, so a GB-sized group is never all in memory at once.
            for first in stride(from: 0, to: market.count(of: group), by: 250_000) {
                let assertions = market.legacyRegistrations(
                    of: group, points: first..<first + 250_000, from: start.adding(days: -30), recordedAt: registeredAt)
                _ = try await stopwatch.time("legacy registration") {
                    try await stores.register.recordAll { store in for assertion in assertions { try store(assertion) } }
                }
            }
            progress("register the market (legacy)", index + 1, GSPGroup.allCases.count)
        }
        progress("plan the migration waves", 0, 1)
        let waves = try await stopwatch.time("migration plan") { try await planWaves(days: days, market: market) }
        progress("plan the migration waves", 1, 1)

        var results: [Day] = []
        for (index, date) in days.enumerated() {
            results.append(try await runDay(date, market: market))
            progress("settle day by day", index + 1, days.count)
        }
        let reconciliations = try await reconcile(days.dropLast(2), market: market, progress: progress)
        let end = days.last!.adding(days: 3).startInstant
        let runOff = try await RunOffReport.build(register: stores.register, migrations: stores.migrations, at: end)
        let progressReport = try await MigrationProgress.build(
            dates: Set(stride(from: start, through: days.last!, by: max(1, days.count / 7))).union([days.last!]).sorted(), at: end,
            register: stores.register)
        let lastShapes = try await stores.shapes.latestRun(onOrBefore: UTCDay(sameCalendarDateAs: days.last!), publishedBy: nil)
        return Summary(
            configuration: configuration, days: results, reconciliations: reconciliations, waves: waves, runOff: runOff,
            progress: progressReport, lastShapes: lastShapes, timings: stopwatch.phases)
    }

    /// Three waves planned the day before the first date, at different speeds per segment:
    /// smart from the second date, advanced from the third, unmetered from the fourth, each LDSO
    /// under a daily threshold that finishes the migration by about two thirds of the period.
    func planWaves(days: [SettlementDate], market: SyntheticMarket) async throws -> [MigrationWave] {
        let planned = days[0].adding(days: -1).startInstant.adding(seconds: 9 * 3_600)
        let window = max(1, days.count * 2 / 3 - 1)
        var thresholds: [MPID: Int] = [:]
        for area in SyntheticMarket.areas {
            thresholds[try MPID(area.mpid)] = max(1, (market.count(of: area.group) + window - 1) / window)
        }
        let service = migrationService(at: planned)
        var waves: [MigrationWave] = []
        for (offset, (name, segment)) in [("smart", MarketSegment.smart), ("advanced", .advanced), ("unmetered", .unmetered)].enumerated() {
            let wave = MigrationWave(
                id: "W\(offset + 1)-\(name)", createdAt: planned, selection: WaveSelection(segments: [segment]),
                schedule: WaveSchedule(
                    start: days[min(days.count - 1, offset + 1)], defaultDailyThreshold: 1, thresholds: thresholds),
                providers: participants.providers)
            _ = try await service.plan(wave)
            waves.append(wave)
        }
        return waves
    }

    func migrationService(at instant: UTCInstant) -> MigrationService {
        MigrationService(
            register: stores.register, migrations: stores.migrations,
            registration: RegistrationService(
                repository: stores.register, registrationService: DemoParticipants.registrationService,
                marketwideDataService: DemoParticipants.marketwideDataService, directory: participants.directory,
                environmentTag: "SIT", clock: { instant }))
    }

    /// One settlement date: the migration run for it the morning before, the day's data
    /// (MHHS points through MDS, legacy HH points to their HHDA), the takes, the LSS, the SF.
    func runDay(_ date: SettlementDate, market: SyntheticMarket) async throws -> Day {
        let eve = date.adding(days: -1).startInstant.adding(seconds: 9 * 3_600)
        let migration = try await stopwatch.time("migration through REGS") {
            try await migrationService(at: eve).run(date: date, at: eve, actAsProviders: true)
        }
        let next = date.adding(days: 1).startInstant
        let received = next.adding(seconds: 6 * 3_600)
        var refusals = 0
        var arrangements: [SettlementArrangement: Int] = [:]
        var takes: [GroupTake] = []
        try await stopwatch.time("data: generated, MDS checks, stored") {
            for group in GSPGroup.allCases {
                let snapshot = try await stores.register.snapshot(of: group, on: date, asKnownAt: received)
                let byMPAN = Dictionary(uniqueKeysWithValues: (0..<snapshot.count).map { (snapshot.mpans[$0], snapshot.arrangement[$0]) })
                for code in byMPAN.values { arrangements[SettlementArrangement.allCases[Int(code)], default: 0] += 1 }
                let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
                let legacyHH = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyHH)!)
                // The data services send for the points they serve; MDS checks the file as a whole.
                let file = try SPSegment(bytes: market.segment(of: group, on: date) { byMPAN[$0] == mhhs }.bytes())
                let outcome = try BulkIngest().check(file, snapshot: snapshot, receivedAt: received)
                refusals += outcome.refusals.count
                // Legacy HH points' data goes from their HHDC to the HHDA, not through MDS.
                let hhdc = market.segment(of: group, on: date) { byMPAN[$0] == legacyHH }
                // Two deliveries, two versions of the group's date.
                for segment in [outcome.segment, hhdc] where !segment.isEmpty {
                    _ = try await stores.spData.append([segment], receivedAt: received)
                }
                takes += Self.takes(market.flows(of: group, on: date), group: group, date: date)
            }
        }
        try await stores.takes.recordTakes(takes, recordedAt: next.adding(seconds: 5 * 3_600))
        let shapes = try await stopwatch.time("LSS") {
            try await LSSRunner(register: stores.register, spData: stores.spData, shapes: stores.shapes)
                .run(day: UTCDay(sameCalendarDateAs: date), at: next.adding(seconds: 7 * 3_600))
        }
        let run = try await stopwatch.time("SF runs (VAS)") {
            try await settle(date, .initialSettlement, at: next.adding(seconds: 12 * 3_600))
        }
        let checked = try stopwatch.time("run checks") { try check(run, market: market) }
        return Day(
            date: date, arrangements: arrangements, migratedByRun: migration.migrated.count, mdsRefusals: refusals,
            lssRunID: shapes.id, initialSettlement: run.manifest, check: checked)
    }

    /// [A] The GSP group take: what the points took plus 4 % (losses and unaccounted energy);
    /// for export, what they gave less 2 %.
    static func takes(_ flows: (imports: [Int64], exports: [Int64]), group: GSPGroup, date: SettlementDate) -> [GroupTake] {
        (0..<flows.imports.count).flatMap { period in
            [
                GroupTake(
                    settlementDate: date, gspGroup: group, period: try! SettlementPeriod(period + 1), direction: .importing,
                    wattHours: flows.imports[period] * 104 / 100),
                GroupTake(
                    settlementDate: date, gspGroup: group, period: try! SettlementPeriod(period + 1), direction: .exporting,
                    wattHours: flows.exports[period] * 98 / 100),
            ]
        }
    }

    func settle(_ date: SettlementDate, _ type: SettlementRunType, at instant: UTCInstant) async throws -> StoredSettlementRun {
        let runner = SettlementRunner(
            register: stores.register, spData: stores.spData, takes: stores.takes, runs: stores.runs, shapes: stores.shapes,
            legacy: RunOffGuard(
                legacy: LegacyNHHVolumes(coefficients: coefficients, digest: "synthetic-profile-coefficients-1"),
                closures: try await stores.migrations.closures()),
            lineLossFactors: stores.lineLossFactors)
        return try await runner.run(date: date, type: type, at: instant)
    }

    /// Late data for earlier dates (the points silent on the day, and revisions of 1 % of the
    /// rest), then their R1.
    func reconcile(
        _ dates: ArraySlice<SettlementDate>, market: SyntheticMarket, progress: @Sendable (String, Int, Int) -> Void
    ) async throws -> [(run: RunManifest, check: RunCheck, changedCells: Int)] {
        guard let last = dates.last else { return [] }
        // After the last day's own data and runs, so every run's cut-off still means what it says.
        let received = last.adding(days: 3).startInstant.adding(seconds: 18 * 3_600)
        var results: [(RunManifest, RunCheck, Int)] = []
        for (index, date) in dates.enumerated() {
            try await stopwatch.time("late data: generated, MDS checks, stored") {
                for group in GSPGroup.allCases {
                    let snapshot = try await stores.register.snapshot(of: group, on: date, asKnownAt: received)
                    let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
                    let settled = Set((0..<snapshot.count).filter { snapshot.arrangement[$0] == mhhs }.map { snapshot.mpans[$0] })
                    let late = market.segment(of: group, on: date, lateData: true) { settled.contains($0) }
                    guard !late.isEmpty else { continue }
                    let outcome = try BulkIngest().check(try SPSegment(bytes: late.bytes()), snapshot: snapshot, receivedAt: received)
                    _ = try await stores.spData.append([outcome.segment], receivedAt: received)
                }
            }
            let initial = try await stores.runs.latest(on: date, type: .initialSettlement)!
            let run = try await stopwatch.time("R1 runs (VAS)") {
                try await settle(date, .firstReconciliation, at: received.adding(seconds: 6 * 3_600))
            }
            let before = try await stores.runs.file(named: SettlementRunFiles.volumes, ofRun: initial.id) ?? []
            try stopwatch.time("run checks") {
                let diff = RunDiff(from: before, to: run.files[SettlementRunFiles.volumes] ?? [])
                results.append((run.manifest, try check(run, market: market), diff.changes.count))
            }
            progress("late data and R1", index + 1, dates.count)
        }
        return results
    }

    /// Σ corrected = take in every (group, SP, direction) cell with a take; every registered
    /// point settled once.
    func check(_ run: StoredSettlementRun, market: SyntheticMarket) throws -> RunCheck {
        struct Cell: Hashable {
            let group: Substring, period: Int, direction: Substring
        }
        var corrected: [Cell: Int64] = [:]
        for volume in RunResults.volumes(run.files[SettlementRunFiles.volumes] ?? []) {
            corrected[Cell(group: Substring(volume.group), period: volume.period, direction: Substring(volume.direction)), default: 0] +=
                volume.correctedMilliWh
        }
        var cells = 0
        var unbalanced = 0
        var uncorrectable = 0
        for line in String(decoding: run.files[SettlementRunFiles.corrections] ?? [], as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 7, !fields[4].isEmpty else { continue }
            cells += 1
            if fields[7] == "nothing-correctable" {
                uncorrectable += 1
            } else if corrected[Cell(group: fields[1], period: Int(fields[2]) ?? 0, direction: fields[3]), default: 0]
                != RunResults.milliWh(String(fields[4]))
            {
                unbalanced += 1
            }
        }
        var settled = 0
        for line in String(decoding: run.files[SettlementRunFiles.statistics] ?? [], as: UTF8.self).split(separator: "\n").dropFirst() {
            settled += Int(line.split(separator: ",")[2]) ?? 0
        }
        return RunCheck(
            unbalancedCells: unbalanced, cells: cells, uncorrectableCells: uncorrectable, settled: settled,
            registered: market.meteringPoints, expectedCells: GSPGroup.allCases.count * run.manifest.settlementDate.periodCount * 2)
    }
}
