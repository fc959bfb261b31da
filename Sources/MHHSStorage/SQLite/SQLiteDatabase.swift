import Foundation
import GRDB

/// The embedded database: one SQLite file, `mhhs.sqlite`, in the data folder, opened as a GRDB
/// `DatabasePool` (WAL: readers never wait for the writer) with the schema migrated on open.
public struct SQLiteDatabase: Sendable {
    public let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database in `dataDirectory`.
    public init(dataDirectory: URL) throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        path = dataDirectory.appendingPathComponent("mhhs.sqlite").path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Read pages through a memory map (up to SQLite's compiled limit) and keep a larger
            // page cache: group snapshots scan gigabytes, and syscalls per page would dominate.
            try db.execute(sql: "PRAGMA mmap_size = 17179869184")
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteMigrations.migrator.migrate(pool)
    }
}
