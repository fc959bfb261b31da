import Foundation
import MHHSStorage
import MHHSTestSupport
import Testing

@Suite("Hub store on SQLite")
struct SQLiteHubStoreTests {
    static func withStore(_ body: (SQLiteHubStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-hubstore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(SQLiteHubStore(database: try SQLiteDatabase(dataDirectory: directory)))
    }

    @Test("accepts once and queues per recipient") func accepts() async throws {
        try await Self.withStore(HubStoreConformance.acceptsOnceAndQueues)
    }
    @Test("replays a time range") func replays() async throws { try await Self.withStore(HubStoreConformance.replaysARange) }
    @Test("one of racing requests wins") func races() async throws { try await Self.withStore(HubStoreConformance.racesOnOneReference) }
    @Test("pushes in order with retries") func pushes() async throws {
        try await Self.withStore(HubStoreConformance.pushesInOrderWithRetries)
    }
    @Test("forgets references past the window") func forgets() async throws {
        try await Self.withStore(HubStoreConformance.forgetsOldReferences)
    }
    @Test("keeps credentials") func credentials() async throws { try await Self.withStore(HubStoreConformance.keepsCredentials) }
    @Test("keeps dashboard sessions") func sessions() async throws { try await Self.withStore(HubStoreConformance.keepsSessions) }
}

@Suite("Hub store on PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.missingMessage)))
struct PostgresHubStoreTests {
    static func withStore(_ body: (PostgresHubStore) async throws -> Void) async throws {
        try await PostgresTestDatabase.withDatabase { try await body(PostgresHubStore(database: $0)) }
    }

    @Test("accepts once and queues per recipient") func accepts() async throws {
        try await Self.withStore(HubStoreConformance.acceptsOnceAndQueues)
    }
    @Test("replays a time range") func replays() async throws { try await Self.withStore(HubStoreConformance.replaysARange) }
    @Test("one of racing requests wins") func races() async throws { try await Self.withStore(HubStoreConformance.racesOnOneReference) }
    @Test("pushes in order with retries") func pushes() async throws {
        try await Self.withStore(HubStoreConformance.pushesInOrderWithRetries)
    }
    @Test("forgets references past the window") func forgets() async throws {
        try await Self.withStore(HubStoreConformance.forgetsOldReferences)
    }
    @Test("keeps credentials") func credentials() async throws { try await Self.withStore(HubStoreConformance.keepsCredentials) }
    @Test("keeps dashboard sessions") func sessions() async throws { try await Self.withStore(HubStoreConformance.keepsSessions) }
}
