import Foundation
import MHHSCore
import MHHSSettlement
import MHHSTestSupport
import Testing

/// The same scenarios settled with SP data in the embedded store and on the 2-shard ClickHouse
/// cluster (the VAS's sums made on the shards) give byte-identical runs and reports.
@Suite(
    "ClickHouse pushdown parity",
    .enabled(if: ClickHouseTestDatabase.url != nil, Comment(rawValue: ClickHouseTestDatabase.missingMessage)))
struct ClickHouseParityTests {
    /// SF and R1 of each scenario's date, from its fixtures (late data, a retrospective change
    /// of supplier, clock-change days, de-energisation).
    static func runs(_ backend: SettlementWorld.Backend, scenario: String, date: String, llfDate: String) async throws
        -> [StoredSettlementRun]
    {
        var runs: [StoredSettlementRun] = []
        try await SettlementWorld.with(backend) { world in
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate(llfDate)])
            _ = try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
            let day = try SettlementDate(date).dayNumber
            func at(_ days: Int) -> String { "\(SettlementDate(dayNumber: day + days))T00:00:00+00:00" }
            try await world.takes(SettlementWorld.fixture(scenario, "takes.csv"), recordedAt: at(2))
            runs.append(try await world.settle(date, .initialSettlement, at: at(9)))
            let later = SettlementWorld.fixture(scenario, "registrations-later.csv")
            if FileManager.default.fileExists(atPath: later.path) { try await world.registrations(later, recordedAt: at(16)) }
            runs.append(try await world.settle(date, .firstReconciliation, at: at(21)))
        }
        return runs
    }

    @Test(arguments: [
        ("late-data-and-change-of-supplier", "2026-11-10"), ("autumn-clock-change", "2026-10-25"),
        ("spring-import-export", "2027-03-28"), ("de-energised-mid-week", "2026-11-05"),
    ])
    func identicalRunsAndReports(scenario: String, date: String) async throws {
        let embedded = try await Self.runs(.sqlite, scenario: scenario, date: date, llfDate: date)
        let clickHouse = try await Self.runs(.clickhouse, scenario: scenario, date: date, llfDate: date)
        #expect(embedded.count == 2 && clickHouse.count == 2)
        for (left, right) in zip(embedded, clickHouse) {
            #expect(left.manifest.results == right.manifest.results, "\(left.manifest.id)")
            #expect(left.files == right.files, "\(left.manifest.id): every result file byte for byte")
            let (leftResults, rightResults) = (
                try RunResults(manifest: left.manifest, files: left.files), try RunResults(manifest: right.manifest, files: right.files)
            )
            for report in [ECSReport.rep003, .rep004, .rep006] {
                #expect(ReportCSV.render(report, leftResults) == ReportCSV.render(report, rightResults), "\(report.rawValue)")
            }
        }
        #expect(embedded.first.map { !$0.files.isEmpty } == true)
    }
}
