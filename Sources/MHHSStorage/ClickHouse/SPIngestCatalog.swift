import GRDB
import MHHSCore
import MHHSSettlement
import PostgresNIO

/// The versions and segment records of SP data whose values live in ClickHouse, kept in the
/// central system's own database (SQLite or PostgreSQL), which has the transactions ClickHouse
/// lacks. An append reserves a version (never handed out again), writes the values, then
/// commits the version with its records; a version reserved and never committed (a failed or
/// interrupted append) stays out of every read, whatever ClickHouse holds for it. Appends
/// are serialised by a store lock, so versions commit in order.
public protocol SPIngestCatalog: Sendable {
    /// The next version and its receipt time (raised to the latest receipt's, so versions and
    /// receipt times rise together).
    func reserve(receivedAt: UTCInstant) async throws -> (version: Int64, receivedAt: UTCInstant)
    func commit(version: Int64, records: [SPSegmentRecord]) async throws
    func records(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord]
    func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64
    /// Versions at or below `version` reserved but never committed.
    func abandonedVersions(upTo version: Int64) async throws -> [Int64]
}

enum SPCatalogSchema {
    static let statements = [
        "CREATE TABLE sp_catalog_ingest (version BIGINT PRIMARY KEY, received_at BIGINT NOT NULL, committed INT NOT NULL)",
        """
        CREATE TABLE sp_catalog_segment (
            settlement_date INT NOT NULL, gsp_group TEXT NOT NULL, version BIGINT NOT NULL, rows INT NOT NULL,
            received_at BIGINT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (settlement_date, gsp_group, version)
        )
        """,
    ]
}

/// The catalog in the embedded database.
public struct SQLiteSPIngestCatalog: SPIngestCatalog {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func reserve(receivedAt requested: UTCInstant) async throws -> (version: Int64, receivedAt: UTCInstant) {
        try await database.pool.write { db in
            let version = (try Int64.fetchOne(db, sql: "SELECT MAX(version) FROM sp_catalog_ingest") ?? 0) + 1
            let latest = try Int64.fetchOne(db, sql: "SELECT MAX(received_at) FROM sp_catalog_ingest") ?? Int64.min
            let receivedAt = UTCInstant(secondsSinceEpoch: max(latest, requested.secondsSinceEpoch))
            try db.execute(
                sql: "INSERT INTO sp_catalog_ingest (version, received_at, committed) VALUES (?, ?, 0)",
                arguments: [version, receivedAt.secondsSinceEpoch])
            return (version, receivedAt)
        }
    }

    public func commit(version: Int64, records: [SPSegmentRecord]) async throws {
        try await database.pool.write { db in
            for record in records {
                try db.execute(
                    sql: "INSERT INTO sp_catalog_segment VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        record.settlementDate.dayNumber, record.gspGroup.rawValue, version, record.rows,
                        record.receivedAt.secondsSinceEpoch, record.sha256,
                    ])
            }
            try db.execute(sql: "UPDATE sp_catalog_ingest SET committed = 1 WHERE version = ?", arguments: [version])
        }
    }

    public func records(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
        try await FileSPDataStore.records(in: "sp_catalog_segment", of: date, group: group, upToVersion: version, database: database)
    }

    public func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
        try await database.pool.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT MAX(version) FROM sp_catalog_ingest WHERE committed = 1 AND received_at <= ?",
                arguments: [instant.secondsSinceEpoch]) ?? 0
        }
    }

    public func abandonedVersions(upTo version: Int64) async throws -> [Int64] {
        try await database.pool.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT version FROM sp_catalog_ingest WHERE committed = 0 AND version <= ? ORDER BY version", arguments: [version]
            )
        }
    }
}

/// The catalog in PostgreSQL, shared by every instance.
public struct PostgresSPIngestCatalog: SPIngestCatalog {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func reserve(receivedAt requested: UTCInstant) async throws -> (version: Int64, receivedAt: UTCInstant) {
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.query("LOCK TABLE sp_catalog_ingest IN EXCLUSIVE MODE", logger: logger)
            var version: Int64 = 1
            var latest = Int64.min
            for try await (next, received) in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) + 1, MAX(received_at) FROM sp_catalog_ingest", logger: logger
            ).decode((Int64, Int64?).self) {
                version = next
                latest = received ?? Int64.min
            }
            let receivedAt = UTCInstant(secondsSinceEpoch: max(latest, requested.secondsSinceEpoch))
            try await connection.query(
                "INSERT INTO sp_catalog_ingest VALUES (\(version), \(receivedAt.secondsSinceEpoch), 0)", logger: logger)
            return (version, receivedAt)
        }
    }

    public func commit(version: Int64, records: [SPSegmentRecord]) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            for record in records {
                try await connection.query(
                    """
                    INSERT INTO sp_catalog_segment VALUES (\(record.settlementDate.dayNumber), \(record.gspGroup.rawValue), \(version),
                        \(record.rows), \(record.receivedAt.secondsSinceEpoch), \(record.sha256))
                    """, logger: logger)
            }
            try await connection.query("UPDATE sp_catalog_ingest SET committed = 1 WHERE version = \(version)", logger: logger)
        }
    }

    public func records(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
        try await PostgresSPDataStore.records(in: "sp_catalog_segment", of: date, group: group, upToVersion: version, database: database)
    }

    public func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
        var latest: Int64 = 0
        for try await version in try await database.client.query(
            "SELECT COALESCE(MAX(version), 0) FROM sp_catalog_ingest WHERE committed = 1 AND received_at <= \(instant.secondsSinceEpoch)",
            logger: database.logger
        ).decode(Int64.self) {
            latest = version
        }
        return latest
    }

    public func abandonedVersions(upTo version: Int64) async throws -> [Int64] {
        var versions: [Int64] = []
        for try await abandoned in try await database.client.query(
            "SELECT version FROM sp_catalog_ingest WHERE committed = 0 AND version <= \(version) ORDER BY version", logger: database.logger
        ).decode(Int64.self) {
            versions.append(abandoned)
        }
        return versions
    }
}
