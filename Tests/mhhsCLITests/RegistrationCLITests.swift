import Foundation
import MHHSTestSupport
import Testing

/// `mhhs registration …` through the real executable.
@Suite("mhhs CLI: registration")
struct RegistrationCLITests {
    static let header =
        "mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,ms_role,ms_mpid"

    static func row(_ mpan: String, supplier: String, effective: String) -> String {
        "\(mpan),_C,LOND,\(supplier),\(effective),W,S,I,T,E,1,D01,legacy-nhh,1,0393,3100,NHHDC,UDMS,MSS,LBSL"
    }

    static func write(_ lines: [String], to folder: URL, name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The acceptance scenario: a change of supplier effective on day 1, recorded on day 10.
    static func retrospectiveChange(store: [String]) throws {
        let folder = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initial = try write([header, row("1200000000011", supplier: "OLDS", effective: "2026-10-01")], to: folder, name: "initial.csv")
        let change = try write([header, row("1200000000011", supplier: "NEWS", effective: "2026-11-01")], to: folder, name: "cos.csv")
        let first = try CLIRunner.run(["registration", "import", initial, "--recorded-at", "2026-10-01"] + store)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 1 registrations"))
        let second = try CLIRunner.run(["registration", "import", change, "--recorded-at", "2026-11-10"] + store)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 new metering points, 1 in the register"))

        let day5 = try CLIRunner.run(
            ["registration", "show", "1200000000011", "--on", "2026-11-01", "--as-known-at", "2026-11-05"] + store)
        #expect(day5.lines.contains { $0.hasPrefix("  supplier") && $0.hasSuffix("OLDS") }, "\(day5.stdout)")
        let day11 = try CLIRunner.run(
            ["registration", "show", "1200000000011", "--on", "2026-11-01", "--as-known-at", "2026-11-11"] + store)
        #expect(day11.lines.contains { $0.hasPrefix("  supplier") && $0.hasSuffix("NEWS") }, "\(day11.stdout)")

        let history = try CLIRunner.run(["registration", "history", "1200000000011"] + store)
        #expect(history.stdout.contains("recorded 2026-10-01T00:00:00+00:00"))
        #expect(history.stdout.contains("recorded 2026-11-10T00:00:00+00:00"))
        #expect(history.lines.contains { $0.contains("OLDS") && $0.contains("valid 2026-10-01 – 2026-10-31") })
        #expect(history.lines.contains { $0.contains("NEWS") && $0.contains("valid 2026-11-01 – open") })

        let snapshot = try CLIRunner.run(
            ["registration", "snapshot", "--group", "_C", "--on", "2026-11-02", "--as-known-at", "2026-11-11"] + store)
        #expect(snapshot.lines.first?.contains(": 1 metering points") == true, "\(snapshot.stdout)")

        // A file with one bad row changes nothing.
        let bad = try write(
            [
                header, row("1200000000020", supplier: "NEWS", effective: "2026-11-01"),
                row("1200000000011", supplier: "news", effective: "2026-12-01"),
            ],
            to: folder, name: "bad.csv")
        let rejected = try CLIRunner.run(["registration", "import", bad] + store)
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("row 3, column supplier: REG0001"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("nothing was imported"))
        let unknown = try CLIRunner.run(["registration", "show", "1200000000020", "--on", "2026-11-02"] + store)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("REG0005"))
    }

    @Test("retrospective change of supplier on SQLite")
    func sqlite() throws {
        let data = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.retrospectiveChange(store: ["--data-dir", data.path])
    }

    @Test(
        "retrospective change of supplier on PostgreSQL",
        .enabled(
            if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil, "DATABASE_URL is not set: skipping the PostgreSQL CLI test"))
    func postgres() throws {
        // A database of its own so the test starts empty.
        try CLIRunner.withPostgresDatabase { url in try Self.retrospectiveChange(store: ["--database", url]) }
    }
}
