import Foundation
import MHHSCore
import MHHSSettlement
import MHHSStorage
import MHHSTestSupport
import Testing

/// One behaviour for every SP-data store: the embedded file store and PostgreSQL.
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
}
