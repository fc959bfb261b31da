import Foundation
import Logging
import MHHSStorage
import PostgresNIO
import Testing

@testable import MHHSRegistration

/// A fresh PostgreSQL database per test, on the server `DATABASE_URL` names (scripts/test
/// starts one). Without it the suite is skipped and says so.
enum PostgresTestDatabase {
    static let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
    static let missingMessage = "DATABASE_URL is not set: skipping the PostgreSQL tests (scripts/test starts a server)"

    static func withDatabase(_ body: (PostgresStore) async throws -> Void) async throws {
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

@Suite("Register on PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.missingMessage)))
struct PostgresRegisterRepositoryTests {
    static func withRepository(_ body: (PostgresRegisterRepository) async throws -> Void) async throws {
        try await PostgresTestDatabase.withDatabase { try await body(PostgresRegisterRepository(database: $0)) }
    }

    @Test("records and reads back; the retrospective change of supplier")
    func records() async throws { try await Self.withRepository(RegisterRepositoryConformance.recordsAndReadsBack) }

    @Test("an MPAN stays in its GSP group; a failed batch keeps nothing")
    func groups() async throws { try await Self.withRepository(RegisterRepositoryConformance.rejectsAnotherGroup) }

    @Test("a bulk load that fails keeps nothing")
    func rollback() async throws { try await Self.withRepository(RegisterRepositoryConformance.rollsBackABulkLoad) }

    @Test("group snapshots as known at two instants")
    func snapshots() async throws { try await Self.withRepository(RegisterRepositoryConformance.snapshotsAGroup) }

    @Test("the Registration Service records outcomes with their outbox messages")
    func serviceOutcomes() async throws { try await Self.withRepository(RegistrationServiceConformance.recordsOutcomesAndOutbox) }

    @Test("a rejected request changes neither the register nor the outbox")
    func serviceRejections() async throws { try await Self.withRepository(RegistrationServiceConformance.rejectionsChangeNothing) }

    @Test("appointment request, acceptance and lapse through the store")
    func appointments() async throws { try await Self.withRepository(RegistrationServiceConformance.appointmentChain) }
}
