import ArgumentParser
import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import MHHSStorage

/// Where the data lives: the embedded SQLite database in `--data-dir` (default), or a
/// PostgreSQL server named by `--database postgres://…`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The folder holding the embedded database.")
    var dataDirectory: String = "./mhhs-data"

    @Option(help: "A PostgreSQL URL (postgres://user@host:port/db) to use instead of the embedded database.")
    var database: String?

    @Option(
        name: .customLong("sp-store"),
        help: ArgumentHelp(
            "Keep SP data on a ClickHouse cluster (versions stay in the database above); see docs/OPERATIONS.md.",
            valueName: "clickhouse://host:8123[,host:8123…]/db[?cluster=NAME]"))
    var spStore: String?

    /// The repositories of one store.
    struct Stores: Sendable {
        let register: any RegisterRepository
        let hub: any HubStore
        let spData: any SPDataStore
    }

    /// Runs `body` with the register of the chosen store.
    func withRegister<Result: Sendable>(_ body: (any RegisterRepository) async throws -> Result) async throws -> Result {
        try await withStores { try await body($0.register) }
    }

    /// Runs `body` with every repository of the chosen store.
    func withStores<Result: Sendable>(_ body: (Stores) async throws -> Result) async throws -> Result {
        if let database {
            var logger = Logger(label: "mhhs.postgres")
            logger.logLevel = .error
            return try await PostgresStore.withDatabase(url: database, logger: logger) { postgres in
                try await body(
                    Stores(
                        register: PostgresRegisterRepository(database: postgres),
                        hub: PostgresHubStore(database: postgres),
                        spData: try await spData(
                            PostgresSPDataStore(database: postgres), catalog: PostgresSPIngestCatalog(database: postgres),
                            locks: PostgresLocks(database: postgres))))
            }
        }
        let sqlite = try SQLiteDatabase(dataDirectory: URL(fileURLWithPath: dataDirectory))
        return try await body(
            Stores(
                register: SQLiteRegisterRepository(database: sqlite), hub: SQLiteHubStore(database: sqlite),
                spData: try await spData(
                    try FileSPDataStore(database: sqlite, dataDirectory: URL(fileURLWithPath: dataDirectory)),
                    catalog: SQLiteSPIngestCatalog(database: sqlite), locks: FileLocks(dataDirectory: URL(fileURLWithPath: dataDirectory))))
        )
    }

    /// The SP-data store: `embedded` (the chosen store's own), or ClickHouse with `--sp-store`,
    /// its versions kept by `catalog` in the chosen store.
    func spData(_ embedded: any SPDataStore, catalog: any SPIngestCatalog, locks: any ExclusiveLocks) async throws -> any SPDataStore {
        guard let spStore else { return embedded }
        return try await ClickHouseSPDataStore.open(try ClickHouseLocation(url: spStore), catalog: catalog, locks: locks)
    }
}
