import Foundation
import MHHSCore
import MHHSStorage
import MHHSTestSupport
import Testing

@testable import MHHSStandingData

/// The standing-data store's contract, on SQLite and on PostgreSQL (skipped without `DATABASE_URL`).
@Suite("Standing data stores")
struct StandingDataStoreTests {
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// Runs `body` with an empty store on `backend` and a scratch folder for files.
    static func with(_ backend: Backend, _ body: (any StandingDataRepository, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(dataDirectory: folder)
        switch backend {
        case .sqlite: try await body(SQLiteStandingDataRepository(database: database), folder)
        case .postgres:
            guard PostgresTestDatabase.url != nil else { return }
            try await PostgresTestDatabase.withDatabase { try await body(PostgresStandingDataRepository(database: $0), folder) }
        }
    }

    static func write(_ text: String, name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("LLFs round-trip exactly, clock-change days included", arguments: Backend.allCases)
    func roundTrip(backend: Backend) async throws {
        try await Self.with(backend) { repository, folder in
            let dates = [try SettlementDate("2026-10-25"), try SettlementDate("2027-03-28")]
            let file = try Self.write(D0265Fixture.text(classes: ["1", "5"], dates: dates), name: "ok.ptf", in: folder)
            try await repository.importLineLossFactors(source: "ok.ptf") { store in _ = try D0265Reader.read(file, emit: store) }
            // A second import of the same days replaces them rather than failing.
            try await repository.importLineLossFactors(source: "ok.ptf") { store in _ = try D0265Reader.read(file, emit: store) }
            let autumn = try #require(try await repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "5", date: dates[0]))
            #expect(autumn.factors.map(\.description) == dates[0].periods.map { D0265Fixture.factorText($0.value) })
            #expect(try await repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "5", date: dates[1])?.factors.count == 46)
            #expect(try await repository.lineLossFactors(distributor: MPID("LOND"), llfClass: "9", date: dates[1]) == nil)
            let coverage = try await repository.lineLossFactorCoverage()
            #expect(
                coverage == [LLFCoverage(distributor: try MPID("LOND"), llfClasses: 2, days: 4, firstDate: dates[0], lastDate: dates[1])])
        }
    }

    @Test("a malformed file in an import leaves the database unchanged", arguments: Backend.allCases)
    func atomicImport(backend: Backend) async throws {
        try await Self.with(backend) { repository, folder in
            let date = try SettlementDate("2026-11-02")
            let good = try Self.write(D0265Fixture.text(dates: [date]), name: "good.ptf", in: folder)
            try await repository.importLineLossFactors(source: "good") { store in _ = try D0265Reader.read(good, emit: store) }
            let before = try await repository.lineLossFactorCoverage()
            let other = try Self.write(D0265Fixture.text(distributor: "SWEB", dates: [date]), name: "other.ptf", in: folder)
            let bad = try Self.write(
                D0265Fixture.text(distributor: "EMEB", dates: [date], recordCountAdjustment: -1), name: "bad.ptf", in: folder)
            await #expect(throws: D0265Error.self) {
                try await repository.importLineLossFactors(source: "other,bad") { store in
                    _ = try D0265Reader.read(other, emit: store)
                    _ = try D0265Reader.read(bad, emit: store)
                }
            }
            #expect(try await repository.lineLossFactorCoverage() == before)
        }
    }

    @Test(
        "MDD tables round-trip through the store",
        .enabled(if: ReferenceData.has("mdd-377"), Comment(rawValue: ReferenceData.missingMessage)),
        arguments: Backend.allCases)
    func marketDomainData(backend: Backend) async throws {
        try await Self.with(backend) { repository, _ in
            #expect(try await repository.marketDomainData() == nil)
            let loaded = try MarketDomainDataImporter.load(directory: ReferenceData.path("mdd-377")!)
            try await repository.replaceMarketDomainData(loaded)
            try await repository.replaceMarketDomainData(loaded)
            let stored = try #require(try await repository.marketDomainData())
            #expect(stored.version == "377")
            #expect(stored.rowCounts.map(\.rows) == loaded.rowCounts.map(\.rows))
            #expect(Set(stored.roles) == Set(loaded.roles))
            #expect(Set(stored.llfClasses) == Set(loaded.llfClasses))
            #expect(Set(stored.clockIntervals) == Set(loaded.clockIntervals))
            #expect(stored.timePatternRegimes(ofSSC: "0001").map(\.id) == ["00205", "00537"])
            #expect(stored.gspGroups.map(\.group) == loaded.gspGroups.map(\.group).sorted())
            #expect(Set(stored.participants) == Set(loaded.participants))
            #expect(Set(stored.profileClasses) == Set(loaded.profileClasses))
            #expect(Set(stored.standardSettlementConfigurations) == Set(loaded.standardSettlementConfigurations))
            #expect(
                Set(stored.measurementRequirements.map { "\($0.ssc)/\($0.tpr)" })
                    == Set(loaded.measurementRequirements.map { "\($0.ssc)/\($0.tpr)" }))
        }
    }
}
