import Foundation
import Logging
import MHHSStorage
import PostgresNIO
import Testing

/// A fresh PostgreSQL database per test, on the server `DATABASE_URL` names (scripts/test
/// starts one). Without it the suite is skipped and says so.
public enum PostgresTestDatabase {
    public static let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
    public static let missingMessage = "DATABASE_URL is not set: skipping the PostgreSQL tests (scripts/test starts a server)"

    public static func withDatabase(_ body: (PostgresStore) async throws -> Void) async throws {
        let server = try #require(url)
        let name = "mhhs_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        var logger = Logger(label: "mhhs.test.postgres")
        logger.logLevel = .error
        try await PostgresStore.withDatabase(url: server, logger: logger) { admin in
            try await admin.client.query("CREATE DATABASE \(unescaped: name)")
        }
        let testURL = server.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)
        do {
            try await PostgresStore.withDatabase(url: testURL, logger: logger, body)
        } catch {
            try? await drop(name, server: server, logger: logger)
            throw error
        }
        try await drop(name, server: server, logger: logger)
    }

    static func drop(_ name: String, server: String, logger: Logger) async throws {
        try await PostgresStore.withDatabase(url: server, logger: logger) { admin in
            try await admin.client.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)")
        }
    }
}
