import Foundation
import MHHSTestSupport
import Testing

/// `mhhs demo` on a small market: the whole transition runs, its own checks pass and are
/// printed, the migrated share reaches 100 %, the run-off is reported, and the files it names
/// are there.
@Suite("The demo through the CLI")
struct DemoCLITests {
    @Test func smallMarketThroughTheTransition() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLIRunner.run(["demo", "--mpans", "1200", "--days", "4", "--seed", "7", "--mdd", "none", "--out", out.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let days = run.lines.filter { $0.hasPrefix("2026-11-0") && !$0.contains("-R1-") }
        #expect(days.count == 4)
        #expect(run.stdout.contains("participants: synthetic MPIDs"))
        #expect(days.allSatisfy { $0.contains(" ok (Σ corrected = take in 1344/1344 cells, 1200/1200 MPANs settled once)") }, "\(days)")
        #expect(days.first?.contains("     0%") == true, "the first day is all legacy")
        #expect(days.last?.contains("   100%") == true, "the migration completes")
        let reconciliations = run.lines.filter { $0.contains("-R1-1: ") }
        #expect(reconciliations.count == 2, "R1s of all but the last two days")
        #expect(reconciliations.allSatisfy { $0.contains("; ok (") }, "\(reconciliations)")
        #expect(run.stdout.contains("legacy processing can be switched off from 2029-03-0"), "\(run.stdout)")
        for file in [
            "dashboard.html", "summary.txt", "dip/IF-022.json", "dip/IF-023.json", "dip/registration-sample.json",
            "reports/REP-003-2026-11-05.json", "data/mhhs.sqlite",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        let dashboard = try String(contentsOf: out.appendingPathComponent("dashboard.html"), encoding: .utf8)
        #expect(dashboard.contains("<h1>OpenMHHS demo</h1>") && dashboard.contains("Run-off"))
        // The store it leaves is an ordinary one: the other commands read it.
        let runs = try CLIRunner.run(["runs", "list", "--data-dir", out.appendingPathComponent("data").path])
        #expect(runs.lines.filter { $0.contains("-SF-1,") }.count == 4)
        // Run again into the same folder: it replaces the earlier demo, and the same seed and size
        // give the same results (every run's volumes digest).
        #expect(
            try CLIRunner.run(["demo", "--mpans", "1200", "--days", "4", "--seed", "7", "--mdd", "none", "--out", out.path]).status == 0)
        let again = try CLIRunner.run(["runs", "list", "--data-dir", out.appendingPathComponent("data").path])
        #expect(again.lines.count == runs.lines.count && again.lines == runs.lines)
    }

    /// With Market Domain Data the suppliers and agents are real participants holding the right
    /// role on the start date.
    @Test(.enabled(if: ReferenceData.has("mdd-377"), Comment(rawValue: ReferenceData.missingMessage)))
    func suppliersAndAgentsFromMDD() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let mdd = ReferenceData.path("mdd-377")!
        let run = try CLIRunner.run(["demo", "--mpans", "600", "--days", "4", "--mdd", mdd.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let line = try #require(run.lines.first { $0.hasPrefix("participants: MDD 377: 16 of ") }, "\(run.stdout)")
        // Each role code an MPID holds, from MDD's own participant-role file.
        let roles = try String(contentsOf: mdd.appendingPathComponent("Market_Participant_Role_377.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map {
                $0.split(separator: ",").prefix(2).map { $0.replacingOccurrences(of: "\"", with: "") }
            }
        func holds(_ mpid: Substring, _ role: String) -> Bool { roles.contains { $0.first == String(mpid) && $0.last == role } }
        let suppliers = try #require(line.split(separator: ";").first { $0.contains("largest suppliers") })
            .split(separator: " ").suffix(3).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        #expect(suppliers.count == 3 && suppliers.allSatisfy { holds(Substring($0), "X") }, "\(line)")
        for (role, code) in [("SDS", "N"), ("ADS", "O"), ("UMSDS", "Q"), ("MSS", "S"), ("MSA", "T"), ("UMSO", "3")] {
            let provider = try #require(line.firstRange(of: " \(role) ").map { line[$0.upperBound...].prefix(4) }, "\(role) in \(line)")
            #expect(holds(provider, code), "\(role) \(provider) holds MDD role \(code)")
        }
        // The Registration Service's messages name them.
        let sample = try String(contentsOf: out.appendingPathComponent("dip/registration-sample.json"), encoding: .utf8)
        #expect(suppliers.contains { sample.contains("\"\($0)\"") })
    }
}
