import Foundation
import MHHSCore
import MHHSLegacy
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage
import MHHSTestSupport
import Testing

/// A complete embedded settlement system in a temporary folder, driven the way the CLI drives
/// it: registrations from CSV, IF-021 bytes through the decoder and MDS, takes from CSV, runs
/// through ``SettlementRunner``.
struct SettlementWorld {
    /// Where the register, SP data, takes and runs live (standing data is always embedded).
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// SQLite for everything but the SP data, which is on the ClickHouse cluster (the VAS pushed down).
        case sqlite, postgres, clickhouse
        var testDescription: String { rawValue }
    }

    let register: any RegisterRepository
    let spData: any SPDataStore
    let takes: any GroupTakeRepository
    let runs: any SettlementRunRepository
    let shapes: any LoadShapeRepository
    let standingData: any StandingDataRepository

    /// Runs `body` with a fresh world on `backend`; PostgreSQL is skipped (returns) without
    /// `DATABASE_URL`.
    static func with(_ backend: Backend, _ body: (SettlementWorld) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-settlement-\(UUID().uuidString)")
        let database = try SQLiteDatabase(dataDirectory: folder)
        switch backend {
        case .sqlite:
            let settlement = SQLiteSettlementStore(database: database)
            try await body(
                SettlementWorld(
                    register: SQLiteRegisterRepository(database: database),
                    spData: try FileSPDataStore(database: database, dataDirectory: folder),
                    takes: settlement, runs: settlement, shapes: SQLiteLoadShapeStore(database: database),
                    standingData: SQLiteStandingDataRepository(database: database)))
        case .clickhouse:
            guard ClickHouseTestDatabase.url != nil else { return }
            try await ClickHouseTestDatabase.withLocation { location in
                let settlement = SQLiteSettlementStore(database: database)
                let spData = try await ClickHouseSPDataStore.open(
                    location, catalog: SQLiteSPIngestCatalog(database: database), locks: FileLocks(dataDirectory: folder))
                try await body(
                    SettlementWorld(
                        register: SQLiteRegisterRepository(database: database), spData: spData, takes: settlement, runs: settlement,
                        shapes: SQLiteLoadShapeStore(database: database), standingData: SQLiteStandingDataRepository(database: database)))
            }
        case .postgres:
            guard PostgresTestDatabase.url != nil else { return }
            try await PostgresTestDatabase.withDatabase { postgres in
                let settlement = PostgresSettlementStore(database: postgres)
                try await body(
                    SettlementWorld(
                        register: PostgresRegisterRepository(database: postgres), spData: PostgresSPDataStore(database: postgres),
                        takes: settlement, runs: settlement, shapes: PostgresLoadShapeStore(database: postgres),
                        standingData: PostgresStandingDataRepository(database: postgres)))
            }
        }
    }

    /// An LSS run of a UTC day.
    func loadShapes(_ day: String, at: String, minimumSample: Int) async throws -> LoadShapeRun {
        try await LSSRunner(
            register: register, spData: spData, shapes: shapes, configuration: LSSConfiguration(minimumSample: minimumSample)
        )
        .run(day: UTCDay(sameCalendarDateAs: try SettlementDate(day)), at: try DIPDateTime(at).instant)
    }

    static func fixture(_ scenario: String, _ file: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/scenarios/\(scenario)/\(file)")
    }

    func registrations(_ url: URL, recordedAt: String) async throws {
        let instant = try DIPDateTime(recordedAt).instant
        _ = try await register.recordAll { store in try RegistrationFile.read(url, recordedAt: instant, store: store) }
    }

    /// LLFs of one class: the same factor in every period of each date.
    func lineLossFactors(distributor: String, llfClass: String, factor: String, dates: [SettlementDate]) async throws {
        try await standingData.importLineLossFactors(source: "test") { store in
            for date in dates {
                try store(
                    LLFDay(
                        distributor: try MPID(distributor), llfClass: llfClass, date: date,
                        factors: Array(repeating: LineLossFactor(text: factor)!, count: date.periodCount)))
            }
        }
    }

    /// Ingests consumption rows as IF-021 bytes, one ingest per `received_at`; returns MDS's refusals.
    @discardableResult
    func consumption(_ url: URL) async throws -> [MDSRejection] {
        var refusals: [MDSRejection] = []
        for (received, messages) in try ConsumptionFixture.messages(url) {
            refusals += try await MDSReceiver(register: register, store: spData).receive(Array(messages.utf8), at: received).outcome
                .rejections
        }
        return refusals
    }

    func takes(_ url: URL, recordedAt: String) async throws {
        let takes = try GroupTakeCSV.parse(try String(contentsOf: url, encoding: .utf8))
        try await self.takes.recordTakes(takes, recordedAt: try DIPDateTime(recordedAt).instant)
    }

    func settle(_ date: String, _ run: SettlementRunType, at: String) async throws -> StoredSettlementRun {
        let standingData = self.standingData
        let runner = SettlementRunner(
            register: register, spData: spData, takes: takes, runs: runs, shapes: shapes,
            legacy: LegacyNHHVolumes(coefficients: SyntheticProfileCoefficients(), digest: "synthetic")
        ) {
            distributor, llfClass, date in
            try await standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
        return try await runner.run(date: try SettlementDate(date), type: run, at: try DIPDateTime(at).instant)
    }
}
