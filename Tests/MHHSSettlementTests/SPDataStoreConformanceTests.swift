import Foundation
import MHHSCore
import MHHSSettlement
import MHHSTestSupport
import Testing

@testable import MHHSStorage

/// One behaviour for every SP-data store: the embedded file store, PostgreSQL and ClickHouse.
enum SPDataStoreConformance {
    static let date = try! SettlementDate("2026-10-25")  // autumn clock change: 50 periods

    static func builder(_ rows: [(Int64, Int32)], periods: ClosedRange<Int>? = nil) -> SPSegmentBuilder {
        var builder = SPSegmentBuilder(settlementDate: date, gspGroup: .southern)
        for (mpan, value) in rows {
            let row = builder.addRow(mpan: mpan, quantity: .activeImport, version: 0)
            for period in periods ?? 0...(date.periodCount - 1) {
                builder.set(row: row, periodIndex: period, energyWh: value, quality: .actual)
            }
        }
        return builder
    }

    static func run(_ store: any SPDataStore) async throws {
        #expect(try await store.latestVersion(receivedAtOrBefore: UTCInstant(secondsSinceEpoch: 10_000)) == 0)
        let first = try await store.append([builder([(3, 30), (1, 10)])], receivedAt: UTCInstant(secondsSinceEpoch: 100))
        let second = try await store.append([builder([(1, 11)], periods: 4...5)], receivedAt: UTCInstant(secondsSinceEpoch: 200))
        #expect((first.version, second.version) == (1, 2))
        #expect(try await store.latestVersion(receivedAtOrBefore: UTCInstant(secondsSinceEpoch: 150)) == 1)
        #expect(try await store.latestVersion(receivedAtOrBefore: UTCInstant(secondsSinceEpoch: 200)) == 2)

        let records = try await store.segmentRecords(of: date, group: .southern, upToVersion: 2)
        #expect(records.map(\.version) == [1, 2])
        #expect(records.map(\.rows) == [2, 1])
        #expect(records.map(\.sha256) == [first.segments[0].sha256, second.segments[0].sha256])
        let segments = try await store.segments(of: date, group: .southern, upToVersion: 2)
        #expect(segments.allSatisfy { $0.verifyDigest() && $0.periodCount == 50 })
        #expect(Array(segments[0].mpans) == [1, 3])
        #expect(segments[1].present[0] == 0b11_0000)
        #expect(try await store.segments(of: date, group: .southern, upToVersion: 1).count == 1)
        #expect(try await store.segments(of: date, group: .eastern, upToVersion: 2).isEmpty)

        // Two ingests at once: the second waits for the first; both stored, versions 3 and 4.
        async let left = store.append([builder([(7, 70)])], receivedAt: UTCInstant(secondsSinceEpoch: 250))
        async let right = store.append([builder([(8, 80)])], receivedAt: UTCInstant(secondsSinceEpoch: 250))
        let both = try await [left.version, right.version]
        #expect(both.sorted() == [3, 4])
        #expect(try await store.segments(of: date, group: .southern, upToVersion: 4).count == 4)
    }
}

@Suite("SP-data store conformance")
struct SPDataStoreConformanceTests {
    @Test func embeddedFileStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-sp-\(UUID().uuidString)")
        try await SPDataStoreConformance.run(
            try FileSPDataStore(database: try SQLiteDatabase(dataDirectory: folder), dataDirectory: folder))
    }

    @Test(.enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.missingMessage)))
    func postgreSQL() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            try await SPDataStoreConformance.run(PostgresSPDataStore(database: database))
        }
    }

    @Test(
        "ClickHouse, versions in SQLite",
        .enabled(if: ClickHouseTestDatabase.url != nil, Comment(rawValue: ClickHouseTestDatabase.missingMessage)))
    func clickHouse() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-sp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = SQLiteSPIngestCatalog(database: try SQLiteDatabase(dataDirectory: folder))
        try await ClickHouseTestDatabase.withLocation { location in
            let store = try await ClickHouseSPDataStore.open(location, catalog: catalog, locks: FileLocks(dataDirectory: folder))
            try await SPDataStoreConformance.run(store)
            try await SPDataStoreConformance.abandonedVersionsStayUnread(store, catalog: catalog)
        }
    }

    @Test(
        "ClickHouse, versions in PostgreSQL",
        .enabled(
            if: ClickHouseTestDatabase.url != nil && PostgresTestDatabase.url != nil,
            Comment(rawValue: "\(ClickHouseTestDatabase.missingMessage); \(PostgresTestDatabase.missingMessage)")))
    func clickHouseWithPostgreSQL() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            let catalog = PostgresSPIngestCatalog(database: database)
            try await ClickHouseTestDatabase.withLocation { location in
                let store = try await ClickHouseSPDataStore.open(location, catalog: catalog, locks: PostgresLocks(database: database))
                try await SPDataStoreConformance.run(store)
                try await SPDataStoreConformance.abandonedVersionsStayUnread(store, catalog: catalog)
            }
        }
    }
}

extension SPDataStoreConformance {
    /// An append that wrote values but never committed its version (it failed, or the process
    /// died) is invisible, and its version is not handed out again.
    static func abandonedVersionsStayUnread(_ store: ClickHouseSPDataStore, catalog: any SPIngestCatalog) async throws {
        let before = try await store.segments(of: date, group: .southern, upToVersion: 100)
        let (abandoned, _) = try await catalog.reserve(receivedAt: UTCInstant(secondsSinceEpoch: 300))
        var writer = RowBinaryWriter()
        let segment = try SPSegment(bytes: builder([(1, 99_999)]).bytes(stampingVersion: abandoned))
        ClickHouseSPDataStore.appendRow(0, of: segment, to: &writer)
        try await store.client.execute(
            "INSERT INTO sp_row FORMAT RowBinary", body: writer.bytes, settings: ["insert_distributed_sync": "1"])
        let next = try await store.append([builder([(5, 50)])], receivedAt: UTCInstant(secondsSinceEpoch: 400))
        #expect(next.version > abandoned)
        let after = try await store.segments(of: date, group: .southern, upToVersion: next.version)
        #expect(after.count == before.count + 1)
        #expect(after.allSatisfy { !$0.values.contains(99_999) }, "the abandoned version's rows are not read")
        #expect(try await store.latestVersion(receivedAtOrBefore: UTCInstant(secondsSinceEpoch: 350)) == abandoned - 1)

        // Committed rows that a shard no longer holds (recreated empty, a part lost) fail every
        // read, naming what is missing, rather than reading as "no data".
        for host in store.client.location.hosts.indices { try await store.client.execute("TRUNCATE TABLE sp_row_local", host: host) }
        await #expect(throws: ClickHouseError.self) { try await store.segments(of: date, group: .southern, upToVersion: next.version) }
        let nothing = SPDataAggregationRequest(points: [], mpans: [], quantityIndices: [], keys: [], keyCount: 0, periodCount: 50)
        await #expect(throws: ClickHouseError.self) {
            try await store.aggregate(nothing, date: date, group: .southern, upToVersion: next.version)
        }
    }
}
