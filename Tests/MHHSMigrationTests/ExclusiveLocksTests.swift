import Foundation
import MHHSCore
import MHHSStorage
import MHHSTestSupport
import Testing

/// The store locks that keep a migration run to one instance at a time.
@Suite("Exclusive locks")
struct ExclusiveLocksTests {
    struct Failure: Error {}

    /// Two holders must exclude each other even in one process: two handles on the same store.
    static func exercise(_ first: any ExclusiveLocks, _ second: any ExclusiveLocks) async throws {
        try await first.withLock("migration") {
            await #expect(throws: LockHeld(name: "migration")) { try await second.withLock("migration") {} }
            try await second.withLock("another") {}
        }
        try await second.withLock("migration") {}
        await #expect(throws: Failure.self) { try await first.withLock("migration") { throw Failure() } }
        #expect(try await second.withLock("migration") { 42 } == 42, "released after a failed body")
    }

    @Test("file locks of the embedded store")
    func files() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-locks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.exercise(FileLocks(dataDirectory: folder), FileLocks(dataDirectory: folder))
    }

    @Test(
        "advisory locks of PostgreSQL",
        .enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.missingMessage)))
    func postgres() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            try await Self.exercise(PostgresLocks(database: database), PostgresLocks(database: database))
        }
    }
}
