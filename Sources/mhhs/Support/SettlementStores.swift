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

/// The stores the settlement commands use, all in the chosen store (embedded or PostgreSQL):
/// the register, the SP-data store, takes, runs, shapes, migrations, standing data and audit.
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
    let standingData: any StandingDataRepository
    let audit: any AuditTrail
    /// Work one instance at a time (the migration run).
    let locks: any ExclusiveLocks

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
            try await standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
    }
}

extension StoreOptions {
    /// Runs `body` with the settlement stores of the chosen store.
    func withSettlementStores<Result: Sendable>(_ body: (SettlementStores) async throws -> Result) async throws -> Result {
        if let database {
            var logger = Logger(label: "mhhs.postgres")
            logger.logLevel = .error
            return try await PostgresStore.withDatabase(url: database, logger: logger) { postgres in
                let settlement = PostgresSettlementStore(database: postgres)
                let migrations = PostgresMigrationStore(database: postgres)
                return try await body(
                    SettlementStores(
                        register: PostgresRegisterRepository(database: postgres),
                        spData: try await spData(
                            PostgresSPDataStore(database: postgres), catalog: PostgresSPIngestCatalog(database: postgres),
                            locks: PostgresLocks(database: postgres)),
                        takes: settlement, runs: settlement, shapes: PostgresLoadShapeStore(database: postgres),
                        hub: PostgresHubStore(database: postgres), migrations: migrations, closures: try await migrations.closures(),
                        standingData: PostgresStandingDataRepository(database: postgres), audit: PostgresAuditTrail(database: postgres),
                        locks: PostgresLocks(database: postgres)))
            }
        }
        let folder = URL(fileURLWithPath: dataDirectory)
        let local = try SQLiteDatabase(dataDirectory: folder)
        let settlement = SQLiteSettlementStore(database: local)
        let migrations = SQLiteMigrationStore(database: local)
        return try await body(
            SettlementStores(
                register: SQLiteRegisterRepository(database: local),
                spData: try await spData(
                    try FileSPDataStore(database: local, dataDirectory: folder), catalog: SQLiteSPIngestCatalog(database: local),
                    locks: FileLocks(dataDirectory: folder)),
                takes: settlement, runs: settlement, shapes: SQLiteLoadShapeStore(database: local), hub: SQLiteHubStore(database: local),
                migrations: migrations, closures: try await migrations.closures(),
                standingData: SQLiteStandingDataRepository(database: local),
                audit: SQLiteAuditTrail(database: local), locks: FileLocks(dataDirectory: folder)))
    }

    /// Runs `body` with the standing data of the chosen store.
    func withStandingData<Result: Sendable>(_ body: (any StandingDataRepository) async throws -> Result) async throws -> Result {
        try await withSettlementStores { try await body($0.standingData) }
    }
}
