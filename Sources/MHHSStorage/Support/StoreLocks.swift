import Foundation
import MHHSCore
import PostgresNIO

/// Locks of the embedded store: `flock` on a file per lock in the data folder, so two
/// processes on one folder exclude each other, and a process that dies lets go.
public struct FileLocks: ExclusiveLocks {
    let directory: URL

    public init(dataDirectory: URL) { directory = dataDirectory.appendingPathComponent("locks") }

    public func withLock<Result: Sendable>(_ name: String, _ body: () async throws -> Result) async throws -> Result {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("\(name).lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw LockHeld(name: name) }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }
}

/// Locks of the PostgreSQL store: a session advisory lock on one pooled connection kept for
/// the body's duration, so every instance on the database is excluded, and a crashed
/// instance's lock goes with its connection. Keys are (4243, hashtext(name)): the two-key
/// space, apart from other advisory locks. A connection whose unlock fails is closed rather
/// than returned to the pool holding the lock. Needs session pooling (not PgBouncer's
/// transaction mode), and a connection lost mid-body loses the lock while the body goes on.
public struct PostgresLocks: ExclusiveLocks {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func withLock<Result: Sendable>(_ name: String, _ body: () async throws -> Result) async throws -> Result {
        let logger = database.logger
        return try await database.client.withConnection { connection in
            var taken = false
            for try await granted in try await connection.query(
                "SELECT pg_try_advisory_lock(4243, hashtext(\(name)))", logger: logger
            ).decode(Bool.self) {
                taken = granted
            }
            guard taken else { throw LockHeld(name: name) }
            func unlock() async {
                var released = false
                if let rows = try? await connection.query("SELECT pg_advisory_unlock(4243, hashtext(\(name)))", logger: logger) {
                    do { for try await value in rows.decode(Bool.self) { released = value } } catch { released = false }
                }
                if !released { try? await connection.close() }
            }
            let result: Result
            do {
                result = try await body()
            } catch {
                await unlock()
                throw error
            }
            await unlock()
            return result
        }
    }
}
