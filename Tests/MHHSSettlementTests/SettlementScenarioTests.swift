import Foundation
import MHHSCore
import MHHSSettlement
import Testing

/// Given/when/then scenarios with inputs and hand-worked expected volumes under
/// `Fixtures/scenarios/`. Each scenario's README-style comment says how the numbers were worked.
@Suite("Settlement scenarios")
struct SettlementScenarioTests {
    /// Autumn clock change (50 SPs): data sent for two UTC days lands in SP 1–50 exactly once;
    /// the marker value at UTC 01:30 is SP 5 (the second 01:00–01:30 of the day). Class 1 has
    /// LLF 1.050, class 2 none (default 1, reported in REP-008). Take 3.113 kWh: ΣC = 1,000 +
    /// 50 + 2,000 + 0 Wh; correctable (smart, losses) 1,050 Wh; F = 1 + 63/1,050 = 1.06.
    @Test(arguments: SettlementWorld.Backend.allCases)
    func autumnClockChangeDayWithMissingLLF(backend: SettlementWorld.Backend) async throws {
        try await SettlementWorld.with(backend) { world in
            let scenario = "autumn-clock-change"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate("2026-10-25")])
            let refused = try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
            #expect(refused.isEmpty)
            try await world.takes(SettlementWorld.fixture(scenario, "takes.csv"), recordedAt: "2026-10-27T00:00:00+00:00")

            let run = try await world.settle("2026-10-25", .initialSettlement, at: "2026-11-05T00:00:00+00:00")

            let mismatches = try ExpectedVolumes.mismatches(expected: SettlementWorld.fixture(scenario, "expected-SF.csv"), run: run)
            #expect(mismatches.map(\.description) == [])
            try SettlementInvariants.check(run, periods: 50)
            let results = try RunResults(manifest: run.manifest, files: run.files)
            #expect(
                results.corrections.filter { $0.group == "_H" && $0.direction == "I" }.allSatisfy {
                    $0.factor == "1.060000000" && $0.outcome == "applied"
                })
            #expect(results.lossUses.map { "\($0.llfClass):\($0.usedDefault)" }.sorted() == ["1:false", "2:true"])
            #expect(ReportCSV.render(.rep008, results) == Array("gsp_group,distributor,llf_class,default_used\n_H,SOUT,2,true\n".utf8))
        }
    }

    /// Spring clock change (46 SPs), import and export: the marker at UTC 01:30 is SP 3. Import
    /// take 0.546 kWh against 0.525 (F = 1.04); export take 0.189 against 0.210 (F = 0.9).
    @Test(arguments: SettlementWorld.Backend.allCases)
    func springClockChangeDayImportAndExport(backend: SettlementWorld.Backend) async throws {
        try await SettlementWorld.with(backend) { world in
            let scenario = "spring-import-export"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2027-03-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate("2027-03-28")])
            #expect(try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv")).isEmpty)
            try await world.takes(SettlementWorld.fixture(scenario, "takes.csv"), recordedAt: "2027-03-30T00:00:00+00:00")

            let run = try await world.settle("2027-03-28", .initialSettlement, at: "2027-04-10T00:00:00+00:00")

            let mismatches = try ExpectedVolumes.mismatches(expected: SettlementWorld.fixture(scenario, "expected-SF.csv"), run: run)
            #expect(mismatches.map(\.description) == [])
            try SettlementInvariants.check(run, periods: 46)
            let results = try RunResults(manifest: run.manifest, files: run.files)
            #expect(Set(results.corrections.filter { $0.group == "_H" && $0.direction == "E" }.map(\.factor)) == ["0.900000000"])
            #expect(Set(results.corrections.filter { $0.group == "_H" && $0.direction == "I" }.map(\.factor)) == ["1.040000000"])
        }
    }

    /// MPAN …051 is de-energised from Thursday: its estimated Thursday data is refused
    /// (ECS1008) and it is settled at zero, not defaulted. MPAN …060 sends nothing and is
    /// defaulted from its annual consumption (17,520 kWh → 1,000 Wh per SP, estimated CCC 112).
    @Test(arguments: SettlementWorld.Backend.allCases)
    func meteringPointDeEnergisedMidWeek(backend: SettlementWorld.Backend) async throws {
        try await SettlementWorld.with(backend) { world in
            let scenario = "de-energised-mid-week"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate("2026-11-05")])
            let refused = try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
            #expect(refused.count == 48)
            #expect(Set(refused.map(\.code)) == [.nonActualOnDeEnergised])

            let run = try await world.settle("2026-11-05", .initialSettlement, at: "2026-11-16T00:00:00+00:00")

            #expect(
                try ExpectedVolumes.mismatches(expected: SettlementWorld.fixture(scenario, "expected-SF.csv"), run: run).map(\.description)
                    == [])
            try SettlementInvariants.check(run, periods: 48)
            let statistics = String(decoding: run.files[SettlementRunFiles.statistics]!, as: UTF8.self)
            #expect(statistics.contains("2026-11-05,_H,3,1,1,48,1,0,48\n"))
            let defaults = String(decoding: run.files[SettlementRunFiles.defaults]!, as: UTF8.self)
            // No LSS run: the flat back-stop, 1,000 Wh in each of the 48 periods, flag E.
            let flat = Array(repeating: "1000", count: 48).joined(separator: " ")
            #expect(
                defaults.contains(
                    "2026-11-05,_H,2000000000060,SUPA,2__HSUPA000,AI,1-48,\(flat),\(String(repeating: "E", count: 48)),annualConsumption,DSAA,SOUT,S,W,true\n"
                ))
            #expect(!defaults.contains("2000000000051"))
        }
    }

    /// A late IF-021 (received after SF) and a retrospective change of supplier (recorded after
    /// SF, effective before the date) both change R1 and neither changes SF: rerunning SF at its
    /// own time gives byte-identical results.
    @Test(arguments: SettlementWorld.Backend.allCases)
    func lateDataAndRetrospectiveChangeOfSupplierChangeR1NotSF(backend: SettlementWorld.Backend) async throws {
        try await SettlementWorld.with(backend) { world in
            let scenario = "late-data-and-change-of-supplier"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate("2026-11-10")])
            #expect(try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv")).isEmpty)
            let sf = try await world.settle("2026-11-10", .initialSettlement, at: "2026-11-19T00:00:00+00:00")
            try await world.registrations(
                SettlementWorld.fixture(scenario, "registrations-later.csv"), recordedAt: "2026-11-26T00:00:00+00:00")

            let r1 = try await world.settle("2026-11-10", .firstReconciliation, at: "2026-12-01T00:00:00+00:00")
            let sfAgain = try await world.settle("2026-11-10", .initialSettlement, at: "2026-11-19T00:00:00+00:00")

            #expect(
                try ExpectedVolumes.mismatches(expected: SettlementWorld.fixture(scenario, "expected-SF.csv"), run: sf).map(\.description)
                    == []
            )
            #expect(
                try ExpectedVolumes.mismatches(expected: SettlementWorld.fixture(scenario, "expected-R1.csv"), run: r1).map(\.description)
                    == []
            )
            #expect(sfAgain.files == sf.files)
            #expect(sfAgain.manifest.results == sf.manifest.results)
            #expect(sfAgain.manifest.id == "2026-11-10-SF-2")
            #expect(sf.manifest.spDataVersion == 1 && r1.manifest.spDataVersion == 2)
            let diff = RunDiff(from: sf.files[SettlementRunFiles.volumes]!, to: r1.files[SettlementRunFiles.volumes]!)
            #expect(diff.changes.first?.period == 20)
            #expect(diff.changes.first?.supplier == "SUPA")
            #expect(try await world.runs.latest(on: try SettlementDate("2026-11-10"))?.id == "2026-11-10-SF-2")
        }
    }
}

extension SettlementScenarioTests {
    /// A class with no LLF is reported as defaulted however many keys (suppliers, domestic
    /// flags) use it, and a date with no SP data at all counts no complete points.
    @Test func missingLLFIsReportedForEveryKeyAndEmptyDaysCountNothingComplete() async throws {
        try await SettlementWorld.with(.sqlite) { world in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("reg-\(UUID().uuidString).csv")
            let header = try String(contentsOf: SettlementWorld.fixture("autumn-clock-change", "registrations.csv"), encoding: .utf8)
                .split(separator: "\n")[0]
            try """
            \(header)
            2000000000015,_H,SOUT,SUPA,2026-10-01,W,S,I,T,E,2,D01,mhhs,,,,SDS,DSAA,MSS,MSAA
            2000000000024,_H,SOUT,SUPB,2026-10-01,W,S,I,F,E,2,D01,mhhs,,,,SDS,DSAA,MSS,MSAA

            """.write(to: file, atomically: true, encoding: .utf8)
            try await world.registrations(file, recordedAt: "2026-10-01T00:00:00+00:00")
            let run = try await world.settle("2026-11-05", .initialSettlement, at: "2026-11-20T00:00:00+00:00")
            let results = try RunResults(manifest: run.manifest, files: run.files)
            #expect(results.lossUses.map { "\($0.distributor)|\($0.llfClass)|\($0.usedDefault)" } == ["SOUT|2|true"])
            let statistics = String(decoding: run.files[SettlementRunFiles.statistics]!, as: UTF8.self)
            #expect(statistics.contains("2026-11-05,_H,2,0,2,96,0,0,0\n"))
            #expect(statistics.contains("2026-11-05,_A,0,0,0,0,0,0,0\n"))
        }
    }
}

/// Checks that hold for every run: corrected volumes sum to the take for every group, period
/// and direction that has one, and every settled metering point is counted once.
enum SettlementInvariants {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func check(_ run: StoredSettlementRun, periods: Int) throws {
        let results = try RunResults(manifest: run.manifest, files: run.files)
        var corrected: [String: Int64] = [:]
        for volume in results.volumes {
            corrected["\(volume.group)|\(volume.period)|\(volume.direction)", default: 0] += volume.correctedMilliWh
        }
        let takes = String(decoding: run.files[SettlementRunFiles.corrections]!, as: UTF8.self).split(separator: "\n").dropFirst()
        for line in takes {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard !fields[4].isEmpty else { continue }
            let take = RunResults.milliWh(String(fields[4]))
            let sum = corrected["\(fields[1])|\(fields[2])|\(fields[3])"] ?? 0
            guard sum == take else {
                throw Failure(description: "\(fields[1]) SP\(fields[2]) \(fields[3]): Σ corrected \(sum) mWh ≠ take \(take)")
            }
        }
        guard Set(results.volumes.map(\.period)) == Set(1...periods) else { throw Failure(description: "periods are not 1–\(periods)") }
        let statistics = String(decoding: run.files[SettlementRunFiles.statistics]!, as: UTF8.self).split(separator: "\n").dropFirst()
        for line in statistics {
            let fields = line.split(separator: ",")
            let points = Int(fields[2])!
            let counted = Dictionary(grouping: results.volumes.filter { $0.group == fields[1] && $0.component == "losses" }) {
                "\($0.supplier)|\($0.bmUnit)|\($0.ccc)"
            }.values.reduce(0) { $0 + $1[0].meteringPoints }
            guard counted == points else { throw Failure(description: "\(fields[1]): \(counted) counted, \(points) settled") }
        }
    }
}
