import Foundation
import MHHSStorage
import Testing

@testable import MHHSRegistration

@Suite("Register on SQLite")
struct SQLiteRegisterRepositoryTests {
    /// A fresh database in a temporary folder, removed after `body`.
    static func withRepository(_ body: (SQLiteRegisterRepository) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-register-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(SQLiteRegisterRepository(database: try SQLiteDatabase(dataDirectory: folder)))
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
