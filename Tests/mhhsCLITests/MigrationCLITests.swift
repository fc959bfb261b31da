import Foundation
import MHHSTestSupport
import Testing

/// The transition as an operator runs it: plan a wave, run it, follow progress and parity, plan
/// the last wave, and read the run-off status (the migration tests' half-group fixture).
@Suite("Migration through the CLI")
struct MigrationCLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MHHSMigrationTests/Fixtures/half-group")

    @Test func wavesToRunOff() throws {
        let data = CLIRunner.temporaryDataDirectory().path
        let store = ["--data-dir", data]
        func mhhs(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments + store)
        }
        let registered = try mhhs([
            "registration", "import", Self.fixture.appendingPathComponent("registrations.csv").path, "--recorded-at", "2026-10-01",
        ])
        #expect(registered.status == 0, "\(registered.stderr)")
        for (id, mpid, role) in [
            ("1000000001", "REGS", "REGS"), ("1000000002", "MDSC", "MDS"), ("3000000001", "SUPA", "SUP"), ("3000000002", "SUPB", "SUP"),
            ("2000000000", "SOUT", "LDSO"), ("1401234567", "DSAA", "SDS"), ("1500000001", "MSAA", "MSS"),
        ] {
            #expect(try mhhs(["participants", "add", "--dip-id", id, "--mpid", mpid, "--role", role]).status == 0)
        }
        let wave = [
            "--segment", "S", "--group", "_H", "--threshold", "SOUT=2", "--provider", "SDS=DSAA", "--provider", "MSS=MSAA",
        ]
        let plan = try mhhs(["migration", "plan", "--wave", "W1", "--start", "2026-11-16", "--limit", "3", "--at", "2026-11-10"] + wave)
        #expect(plan.status == 0 && plan.stdout.contains("wave W1: 3 MPANs planned"), "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("2026-11-16: 2") && plan.stdout.contains("2026-11-17: 1"))
        let again = try mhhs(["migration", "plan", "--wave", "W1", "--start", "2026-11-16", "--at", "2026-11-10"] + wave)
        #expect(again.status != 0 && again.stderr.contains("a wave named W1 already exists"), "\(again.stderr)")

        let run = try mhhs(["migration", "run", "--date", "2026-11-17", "--act-as-providers", "--at", "2026-11-13T09:00:00+00:00"])
        #expect(run.status == 0 && run.stdout.contains("requested 3, migrated 3, failed 0, waiting 0"), "\(run.stdout)\(run.stderr)")
        let outbox = try mhhs(["registration", "outbox", "--limit", "100"])
        #expect(outbox.stdout.contains("IF-033") && outbox.stdout.contains("IF-036"), "the providers were asked and told")

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("migration-\(UUID().uuidString)")
        let status = try mhhs([
            "migration", "status", "--from", "2026-11-15", "--to", "2026-11-17", "--at", "2026-11-14", "--out", out.path,
        ])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("wave W1: 3 MPANs 2026-11-16…2026-11-17: planned 0, requested 0, migrated 3"), "\(status.stdout)")
        // The 16th: L3 and L4 (7,300 kWh of 18,250) still legacy.
        #expect(status.stdout.contains("2026-11-16 legacy-nhh: 2 MPANs, 40.0% of annual energy"), "\(status.stdout)")
        #expect(status.stdout.contains("2026-11-17 mhhs: 5 MPANs"))
        let progress = try String(contentsOf: out.appendingPathComponent("progress.csv"), encoding: .utf8)
        #expect(progress.contains("2026-11-15,legacy-nhh,S,SOUT,4,18250000"), "\(progress)")

        let parity = try mhhs(["migration", "parity", "--wave", "W1", "--date", "2026-11-15", "--at", "2026-11-14", "--out", out.path])
        #expect(parity.status == 0 && parity.stdout.contains("wave W1 on 2026-11-15: 3 MPANs"), "\(parity.stdout)\(parity.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("parity.csv"), encoding: .utf8).split(separator: "\n").count == 49)
        let unknown = try mhhs(["migration", "parity", "--wave", "W9", "--date", "2026-11-15"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no wave named W9"))

        var runOff = try mhhs(["migration", "runoff-status", "--at", "2026-11-14"])
        #expect(runOff.stdout.contains("segment S: 1 legacy MPANs open"), "\(runOff.stdout)")
        #expect(runOff.stdout.contains("legacy processing is still needed"))

        #expect(try mhhs(["migration", "plan", "--wave", "W2", "--start", "2026-11-20", "--at", "2026-11-18"] + wave).status == 0)
        let last = try mhhs(["migration", "run", "--date", "2026-11-20", "--act-as-providers", "--at", "2026-11-18T09:00:00+00:00"])
        #expect(last.stdout.contains("segment S closed: last legacy settlement date 2026-11-19"), "\(last.stdout)\(last.stderr)")
        runOff = try mhhs(["migration", "runoff-status", "--at", "2026-11-21"])
        #expect(runOff.stdout.contains("last settlement date needing legacy reruns: 2026-11-19"), "\(runOff.stdout)")
        #expect(runOff.stdout.contains("DF due 2029-03-19 (legacy timetable)"), "\(runOff.stdout)")
        #expect(runOff.stdout.contains("legacy processing can be switched off from 2029-03-20"), "\(runOff.stdout)")

        let reverse = try mhhs([
            "migration", "reverse", "--mpan", "2000000000060", "--date", "2026-11-25", "--css-registration-id", "rev-1", "--at",
            "2026-11-21",
        ])
        #expect(reverse.status != 0 && reverse.stderr.contains("ran off after 2026-11-19"), "\(reverse.stderr)")
    }

    @Test func legacyHHDataAndEACUpdate() throws {
        let data = CLIRunner.temporaryDataDirectory().path
        let store = ["--data-dir", data]
        for file in ["registrations.csv", "legacy-hh.csv"] {
            let imported = try CLIRunner.run(
                ["registration", "import", Self.fixture.appendingPathComponent(file).path, "--recorded-at", "2026-10-01"] + store)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let ingest = try CLIRunner.run(
            ["legacy", "hh-ingest", Self.fixture.appendingPathComponent("legacy-hh-data.csv").path, "--received-at", "2026-11-20"] + store)
        #expect(
            ingest.status == 1 && ingest.stdout.contains("47 HH values stored as version 1, 1 refused"), "\(ingest.stdout)\(ingest.stderr)")
        #expect(ingest.stdout.contains("line 49 2000000000051: legacy-nhh, not legacy HH, on 2026-11-16"))

        let reads = FileManager.default.temporaryDirectory.appendingPathComponent("reads-\(UUID().uuidString).csv")
        try "mpan,read_date,register_kwh\n2000000000051,2026-11-01,1000.000\n2000000000051,2026-11-15,1200.000\n".write(
            to: reads, atomically: true, encoding: .utf8)
        let eac = try CLIRunner.run(["legacy", "eac", "--reads", reads.path, "--at", "2026-11-20"] + store)
        #expect(
            eac.status == 0 && eac.stdout.contains("2000000000051 2026-11-02…2026-11-15: advance 200000 Wh"), "\(eac.stdout)\(eac.stderr)")
        let history = try CLIRunner.run(["registration", "history", "2000000000051"] + store)
        #expect(history.stdout.contains("NHHDC AA from reads 2026-11-01–2026-11-15"), "\(history.stdout)\(history.stderr)")
    }
}
