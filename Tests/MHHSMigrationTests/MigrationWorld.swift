import Foundation
import MHHSCore
import MHHSLegacy
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage
import MHHSTestSupport
import Testing

/// A whole market in a temporary folder (SQLite) or database (PostgreSQL): the register and its
/// Registration Service, MDS, the LSS, the VAS with the legacy path, and the migration store.
struct MigrationWorld {
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    let register: any RegisterRepository
    let spData: any SPDataStore
    let takes: any GroupTakeRepository
    let runs: any SettlementRunRepository
    let shapes: any LoadShapeRepository
    let migrations: any MigrationRepository
    let standingData: any StandingDataRepository

    static func with(_ backend: Backend, _ body: (MigrationWorld) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(dataDirectory: folder)
        switch backend {
        case .sqlite:
            let settlement = SQLiteSettlementStore(database: database)
            try await body(
                MigrationWorld(
                    register: SQLiteRegisterRepository(database: database),
                    spData: try FileSPDataStore(database: database, dataDirectory: folder), takes: settlement, runs: settlement,
                    shapes: SQLiteLoadShapeStore(database: database), migrations: SQLiteMigrationStore(database: database),
                    standingData: SQLiteStandingDataRepository(database: database)))
        case .postgres:
            guard PostgresTestDatabase.url != nil else { return }
            try await PostgresTestDatabase.withDatabase { postgres in
                let settlement = PostgresSettlementStore(database: postgres)
                try await body(
                    MigrationWorld(
                        register: PostgresRegisterRepository(database: postgres), spData: PostgresSPDataStore(database: postgres),
                        takes: settlement, runs: settlement, shapes: PostgresLoadShapeStore(database: postgres),
                        migrations: PostgresMigrationStore(database: postgres),
                        standingData: PostgresStandingDataRepository(database: postgres)))
            }
        }
    }

    static func fixture(_ file: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/half-group/\(file)")
    }

    static func instant(_ text: String) -> UTCInstant { try! DIPDateTime(text).instant }
    static func date(_ text: String) -> SettlementDate { try! SettlementDate(text) }

    /// Every participant the fixture's messages are addressed to.
    static var directory: StaticParticipantDirectory {
        var directory = StaticParticipantDirectory()
        let entries: [(String, DIPRole, String)] = [
            ("SUPA", .supplier, "3000000001"), ("SUPB", .supplier, "3000000002"), ("SOUT", .distributor, "2000000000"),
            ("DSAA", .smartDataService, "1401234567"), ("MSAA", .smartMeteringService, "1500000001"),
            ("LBSL", .smartMeteringService, "1500000002"),
        ]
        for (participant, role, id) in entries { directory.add(try! MPID(participant), role: role, dipID: try! DIPID(id)) }
        return directory
    }

    /// The migration service deciding at `instant` (the Registration Service's clock).
    func migration(at instant: String) -> MigrationService {
        let now = Self.instant(instant)
        let registration = RegistrationService(
            repository: register, registrationService: try! DIPID("1000000001"), marketwideDataService: try! DIPID("1000000002"),
            directory: Self.directory, environmentTag: "SIT", clock: { now })
        return MigrationService(register: register, migrations: migrations, registration: registration)
    }

    func registrations(_ file: String, recordedAt: String) async throws {
        let url = Self.fixture(file)
        let instant = Self.instant(recordedAt)
        _ = try await register.recordAll { store in try RegistrationFile.read(url, recordedAt: instant, store: store) }
    }

    /// Ingests the consumption fixture through MDS; returns its refusals.
    func consumption() async throws -> [MDSRejection] {
        var refusals: [MDSRejection] = []
        for (received, messages) in try ConsumptionFixture.messages(Self.fixture("consumption.csv")) {
            refusals += try await MDSReceiver(register: register, store: spData).receive(Array(messages.utf8), at: received).outcome
                .rejections
        }
        return refusals
    }

    func takes(recordedAt: String) async throws {
        let takes = try GroupTakeCSV.parse(try String(contentsOf: Self.fixture("takes.csv"), encoding: .utf8))
        try await self.takes.recordTakes(takes, recordedAt: Self.instant(recordedAt))
    }

    func loadShapes(_ day: String, at: String) async throws -> LoadShapeRun {
        try await LSSRunner(register: register, spData: spData, shapes: shapes, configuration: LSSConfiguration(minimumSample: 1))
            .run(day: UTCDay(sameCalendarDateAs: Self.date(day)), at: Self.instant(at))
    }

    /// A settlement run with the legacy path guarded by the recorded closures, as the CLI runs it.
    func settle(_ date: String, _ run: SettlementRunType, at: String) async throws -> StoredSettlementRun {
        let standingData = self.standingData
        let runner = SettlementRunner(
            register: register, spData: spData, takes: takes, runs: runs, shapes: shapes,
            legacy: RunOffGuard(
                legacy: LegacyNHHVolumes(coefficients: SyntheticProfileCoefficients(), digest: "synthetic"),
                closures: try await migrations.closures())
        ) { distributor, llfClass, date in
            try await standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
        return try await runner.run(date: Self.date(date), type: run, at: Self.instant(at))
    }

    /// Uncorrected Wh per CCC and SP of a run's consumption.
    static func uncorrected(_ run: StoredSettlementRun) throws -> [String: Int64] {
        var table: [String: Int64] = [:]
        for volume in try RunResults(manifest: run.manifest, files: run.files).volumes where volume.component == "consumption" {
            table["\(volume.ccc)|\(volume.period)", default: 0] += volume.uncorrectedMilliWh / 1_000
        }
        return table
    }

    /// Per SP, the run's corrected volumes summed, against the take (Σ corrected = take), and
    /// each MPAN counted once (from the run's statistics).
    static func checkBalanced(
        _ run: StoredSettlementRun, take: Int64 = 1_000, points: Int, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        var corrected: [Int: Int64] = [:]
        let volumes = try RunResults(manifest: run.manifest, files: run.files).volumes
        for volume in volumes { corrected[volume.period, default: 0] += volume.correctedMilliWh }
        // Each CCC's losses line counts its points once per period: summed over CCCs, every point once.
        let counted = Dictionary(grouping: volumes.filter { $0.component == "losses" }) { "\($0.supplier)|\($0.bmUnit)|\($0.ccc)" }
            .values.reduce(0) { $0 + $1[0].meteringPoints }
        #expect(counted == points, "points counted over the CCCs", sourceLocation: sourceLocation)
        #expect(corrected.count == 48, sourceLocation: sourceLocation)
        for (period, total) in corrected { #expect(total == take * 1_000, "SP \(period)", sourceLocation: sourceLocation) }
        let statistics = String(decoding: run.files[SettlementRunFiles.statistics]!, as: UTF8.self)
        #expect(statistics.contains("\(run.manifest.settlementDate),_H,\(points),"), "\(statistics)", sourceLocation: sourceLocation)
    }

    /// The legacy PC 1 volume by hand: annual Wh × the `_H` coefficient, half up.
    static func profiled(_ annualWh: Int64, _ date: String, period: Int) throws -> Int64 {
        let coefficient = try SyntheticProfileCoefficients().coefficients(profileClass: 1, group: .southern, date: Self.date(date))[period]
        return (2 * annualWh * coefficient + 1_000_000_000_000) / 2_000_000_000_000
    }
}
