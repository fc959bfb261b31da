import Foundation
import MHHSStorage
import Testing

@testable import MHHSRegistration

@Suite("Register on SQLite")
struct SQLiteRegisterRepositoryTests {
    /// A fresh database in a temporary folder, removed after `body`.
    static func withRepository(_ body: (SQLiteRegisterRepository) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-register-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(SQLiteRegisterRepository(database: try SQLiteDatabase(dataDirectory: folder)))
    }

    @Test("records and reads back; the retrospective change of supplier")
    func records() throws { try Self.withRepository(RegisterRepositoryConformance.recordsAndReadsBack) }

    @Test("an MPAN stays in its GSP group; a failed batch keeps nothing")
    func groups() throws { try Self.withRepository(RegisterRepositoryConformance.rejectsAnotherGroup) }

    @Test("a bulk load that fails keeps nothing")
    func rollback() throws { try Self.withRepository(RegisterRepositoryConformance.rollsBackABulkLoad) }

    @Test("group snapshots as known at two instants")
    func snapshots() throws { try Self.withRepository(RegisterRepositoryConformance.snapshotsAGroup) }
}
