import Foundation
import MHHSCore
import MHHSSettlement
import MHHSStorage
import Testing

@Suite("Embedded SP-data store")
struct FileSPDataStoreTests {
    static let date = try! SettlementDate("2026-03-29")  // spring clock change: 46 periods

    static func builder(mpans: [Int64], value: Int32) -> SPSegmentBuilder {
        var builder = SPSegmentBuilder(settlementDate: date, gspGroup: .southern)
        for mpan in mpans.reversed() {
            let row = builder.addRow(mpan: mpan, quantity: .activeImport, version: 0)
            for period in 0..<date.periodCount { builder.set(row: row, periodIndex: period, energyWh: value, quality: .actual) }
        }
        return builder
    }

    @Test func storesVersionsDurablyAndReadsThemBackByCutOff() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-sp-\(UUID().uuidString)")
        let database = try SQLiteDatabase(dataDirectory: folder)
        let store = try FileSPDataStore(database: database, dataDirectory: folder)
        let first = try await store.append([Self.builder(mpans: [2, 1], value: 5)], receivedAt: UTCInstant(secondsSinceEpoch: 100))
        let second = try await store.append([Self.builder(mpans: [1], value: 9)], receivedAt: UTCInstant(secondsSinceEpoch: 200))
        #expect(first.version == 1 && second.version == 2)
        #expect(try await store.latestVersion(receivedAtOrBefore: UTCInstant(secondsSinceEpoch: 150)) == 1)
        let segments = try await store.segments(of: Self.date, group: .southern, upToVersion: 2)
        #expect(segments.map(\.rowCount) == [2, 1])
        #expect(Array(segments[0].mpans) == [1, 2])
        #expect(segments.allSatisfy { $0.verifyDigest() && $0.periodCount == 46 })
        #expect(segments[1].storedDigest.hexString == second.segments[0].sha256)
        #expect(try await store.segments(of: Self.date, group: .southern, upToVersion: 1).count == 1)
    }

    /// A crash between writing segment files and committing their index leaves files no row
    /// names: they are never read and the next open removes them.
    @Test func removesFilesACrashLeftBehind() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-sp-\(UUID().uuidString)")
        let database = try SQLiteDatabase(dataDirectory: folder)
        let store = try FileSPDataStore(database: database, dataDirectory: folder)
        _ = try await store.append([Self.builder(mpans: [1], value: 5)], receivedAt: UTCInstant(secondsSinceEpoch: 100))
        let groupFolder = folder.appendingPathComponent("sp/\(Self.date)/_H")
        let orphan = groupFolder.appendingPathComponent("2.seg")
        let temporary = groupFolder.appendingPathComponent(".3.tmp")
        try Data(Self.builder(mpans: [1], value: 7).bytes(stampingVersion: 2)).write(to: orphan)
        try Data([1, 2, 3]).write(to: temporary)
        #expect(try await store.segments(of: Self.date, group: .southern, upToVersion: 10).count == 1)

        let reopened = try FileSPDataStore(database: database, dataDirectory: folder)

        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(try await reopened.segments(of: Self.date, group: .southern, upToVersion: 10).count == 1)
        let next = try await reopened.append([Self.builder(mpans: [1], value: 7)], receivedAt: UTCInstant(secondsSinceEpoch: 300))
        #expect(next.version == 2)
    }

    @Test func refusesACorruptSegment() throws {
        var bytes = Self.builder(mpans: [1], value: 5).bytes(stampingVersion: 1)
        bytes[SPSegmentLayout.headerSize + 3] ^= 0xFF
        let segment = try SPSegment(bytes: bytes)
        #expect(!segment.verifyDigest())
        #expect(throws: SPSegmentError.self) { try SPSegment(bytes: Array(bytes.dropLast())) }
    }
}
