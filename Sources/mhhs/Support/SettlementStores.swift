import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSLegacy
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage

/// The stores the settlement commands use: the register, the SP-data store, takes and runs in
/// the chosen store (embedded or PostgreSQL), and standing data (LLFs), which lives in the
/// embedded data folder in both cases.
struct SettlementStores: Sendable {
    let register: any RegisterRepository
    let spData: any SPDataStore
    let takes: any GroupTakeRepository
    let runs: any SettlementRunRepository
    let shapes: any LoadShapeRepository
    /// The hub's participant registry (DIP ids for addressing).
    let hub: any HubStore
    let migrations: any MigrationRepository
    /// The legacy closures recorded when the stores were opened (the run-off guard's input).
    let closures: [LegacyClosure]
    let standingData: SQLiteStandingDataRepository
    let audit: any AuditTrail

    /// The VAS over these stores; `closures` replaces those read at opening (a long-running
    /// server reads them again for each run).
    func runner(configuration: VASConfiguration = .init(), closures: [LegacyClosure]? = nil) -> SettlementRunner {
        let standingData = self.standingData
        return SettlementRunner(
            register: register, spData: spData, takes: takes, runs: runs, shapes: shapes,
            legacy: RunOffGuard(
                legacy: LegacyNHHVolumes(coefficients: SyntheticProfileCoefficients(), digest: "synthetic-profile-coefficients-1"),
                closures: closures ?? self.closures),
            configuration: configuration
        ) { distributor, llfClass, date in
            try standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
    }
}

extension StoreOptions {
    /// Runs `body` with the settlement stores of the chosen store.
    func withSettlementStores<Result: Sendable>(_ body: (SettlementStores) async throws -> Result) async throws -> Result {
        let folder = URL(fileURLWithPath: dataDirectory)
        let local = try SQLiteDatabase(dataDirectory: folder)
        let standingData = SQLiteStandingDataRepository(database: local)
        if let database {
            var logger = Logger(label: "mhhs.postgres")
            logger.logLevel = .error
            return try await PostgresStore.withDatabase(url: database, logger: logger) { postgres in
                let settlement = PostgresSettlementStore(database: postgres)
                let migrations = PostgresMigrationStore(database: postgres)
                return try await body(
                    SettlementStores(
                        register: PostgresRegisterRepository(database: postgres), spData: PostgresSPDataStore(database: postgres),
                        takes: settlement, runs: settlement, shapes: PostgresLoadShapeStore(database: postgres),
                        hub: PostgresHubStore(database: postgres), migrations: migrations, closures: try await migrations.closures(),
                        standingData: standingData, audit: PostgresAuditTrail(database: postgres)))
            }
        }
        let settlement = SQLiteSettlementStore(database: local)
        let migrations = SQLiteMigrationStore(database: local)
        return try await body(
            SettlementStores(
                register: SQLiteRegisterRepository(database: local), spData: try FileSPDataStore(database: local, dataDirectory: folder),
                takes: settlement, runs: settlement, shapes: SQLiteLoadShapeStore(database: local), hub: SQLiteHubStore(database: local),
                migrations: migrations, closures: try await migrations.closures(), standingData: standingData,
                audit: SQLiteAuditTrail(database: local)))
    }
}
