import Foundation
import Logging
import MHHSStorage
import MHHSTestSupport
import PostgresNIO
import Testing

@testable import MHHSRegistration

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
