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
/// instance's lock goes with its connection.
public struct PostgresLocks: ExclusiveLocks {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func withLock<Result: Sendable>(_ name: String, _ body: () async throws -> Result) async throws -> Result {
        let logger = database.logger
        return try await database.client.withConnection { connection in
            var taken = false
            for try await granted in try await connection.query("SELECT pg_try_advisory_lock(hashtext(\(name)))", logger: logger)
                .decode(Bool.self)
            {
                taken = granted
            }
            guard taken else { throw LockHeld(name: name) }
            let result: Result
            do {
                result = try await body()
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(hashtext(\(name)))", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(hashtext(\(name)))", logger: logger)
            return result
        }
    }
}
