import Foundation
import MHHSCore
import MHHSStorage
import MHHSTestSupport
import Testing

@testable import MHHSStandingData

@Suite("Standing data in SQLite")
struct SQLiteStandingDataTests {
    static func temporaryDatabase() throws -> (SQLiteStandingDataRepository, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-test-\(UUID().uuidString)")
        return (SQLiteStandingDataRepository(database: try SQLiteDatabase(dataDirectory: folder)), folder)
    }

    static func write(_ text: String, name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("LLFs round-trip exactly, clock-change days included")
    func roundTrip() throws {
        let (repository, folder) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dates = [try SettlementDate("2026-10-25"), try SettlementDate("2027-03-28")]
        let file = try Self.write(D0265Fixture.text(classes: ["1", "5"], dates: dates), name: "ok.ptf", in: folder)
        try repository.importLineLossFactors(source: "ok.ptf") { store in _ = try D0265Reader.read(file, emit: store) }
        let autumn = try #require(try repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "5", date: dates[0]))
        #expect(autumn.factors.map(\.description) == dates[0].periods.map { D0265Fixture.factorText($0.value) })
        #expect(try repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "5", date: dates[1])?.factors.count == 46)
        #expect(try repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "9", date: dates[1]) == nil)
        let coverage = try repository.lineLossFactorCoverage()
        #expect(coverage == [LLFCoverage(distributor: try MPID("LOND"), llfClasses: 2, days: 4, firstDate: dates[0], lastDate: dates[1])])
    }

    @Test("a malformed file in an import leaves the database unchanged")
    func atomicImport() throws {
        let (repository, folder) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = try SettlementDate("2026-11-02")
        let good = try Self.write(D0265Fixture.text(dates: [date]), name: "good.ptf", in: folder)
        try repository.importLineLossFactors(source: "good") { store in _ = try D0265Reader.read(good, emit: store) }
        let before = try repository.lineLossFactorCoverage()
        let other = try Self.write(D0265Fixture.text(distributor: "SWEB", dates: [date]), name: "other.ptf", in: folder)
        let bad = try Self.write(
            D0265Fixture.text(distributor: "EMEB", dates: [date], recordCountAdjustment: -1), name: "bad.ptf", in: folder)
        #expect(throws: D0265Error.self) {
            try repository.importLineLossFactors(source: "other,bad") { store in
                _ = try D0265Reader.read(other, emit: store)
                _ = try D0265Reader.read(bad, emit: store)
            }
        }
        #expect(try repository.lineLossFactorCoverage() == before)
    }

    @Test(
        "MDD tables round-trip through SQLite",
        .enabled(if: ReferenceData.has("mdd-377"), Comment(rawValue: ReferenceData.missingMessage)))
    func marketDomainData() throws {
        let (repository, folder) = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try repository.marketDomainData() == nil)
        let loaded = try MarketDomainDataImporter.load(directory: ReferenceData.path("mdd-377")!)
        try repository.replaceMarketDomainData(loaded)
        try repository.replaceMarketDomainData(loaded)
        let stored = try #require(try repository.marketDomainData())
        #expect(stored.version == "377")
        #expect(stored.rowCounts.map(\.rows) == loaded.rowCounts.map(\.rows))
        #expect(Set(stored.roles) == Set(loaded.roles))
        #expect(Set(stored.llfClasses) == Set(loaded.llfClasses))
        #expect(Set(stored.clockIntervals) == Set(loaded.clockIntervals))
        #expect(stored.timePatternRegimes(ofSSC: "0001").map(\.id) == ["00205", "00537"])
    }
}
