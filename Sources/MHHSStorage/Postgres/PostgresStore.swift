import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL database reached through a `PostgresClient` connection pool, with the schema
/// migrated on open. Several server instances may share one database: every invariant lives
/// in a transaction and the migrations take an advisory lock.
public struct PostgresStore: Sendable {
    public let client: PostgresClient
    let logger: Logger

    /// Parses `postgres://user[:password]@host[:port]/database`.
    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else { throw PostgresURLError(url: url) }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        return PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres", password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
    }

    /// Runs `body` with a connected, migrated database; the pool is shut down afterwards.
    @discardableResult
    public static func withDatabase<Result: Sendable>(
        url: String,
        logger: Logger = Logger(label: "mhhs.postgres"),
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: try configuration(url: url), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let database = PostgresStore(client: client, logger: logger)
            try await PostgresMigrations.migrate(database)
            return try await body(database)
        }
    }
}

extension PostgresStore {
    /// Runs `body` in a transaction on one pooled connection; an error from `body` is rethrown
    /// as itself once the rollback succeeded, so callers see domain errors, not wrappers.
    public func transaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await client.withTransaction(logger: logger, isolation: isolation, body)
        } catch let error as PostgresTransactionError {
            if error.beginError == nil, error.rollbackError == nil, error.commitError == nil, let cause = error.closureError {
                throw cause
            }
            throw error
        }
    }
}

/// A database URL that is not `postgres://user@host:port/database`.
public struct PostgresURLError: Error, CustomStringConvertible {
    public let url: String

    public var description: String { "'\(url)' is not a PostgreSQL URL (postgres://user[:password]@host[:port]/database)" }
}
