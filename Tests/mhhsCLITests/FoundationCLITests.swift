import Foundation
import MHHSTestSupport
import Testing

/// The foundation commands, run through the real executable.
@Suite("mhhs CLI: mpan, calendar, standing data")
struct FoundationCLITests {
    @Test("mpan check prints one line per core and exits 1 if any is invalid")
    func mpanCheck() throws {
        let result = try CLIRunner.run(["mpan", "check", "2000056535971", "2000056535972", "12"])
        #expect(result.status == 1)
        #expect(result.lines.count == 3)
        #expect(result.lines[0].hasPrefix("2000056535971 valid"))
        #expect(result.lines[1] == "2000056535972 invalid: '2000056535972' has check digit 2; expected 1")
        #expect(result.lines[2].hasPrefix("12 invalid: '12' has 2 characters"))
        #expect(try CLIRunner.run(["mpan", "check", "1900012374324"]).status == 0)
    }

    @Test("calendar runs lists each run with its date")
    func calendarRuns() throws {
        let result = try CLIRunner.run(["calendar", "runs", "--date", "2026-11-02"])
        #expect(result.status == 0)
        #expect(result.lines.contains("SF 2026-11-24"))
        #expect(result.lines.contains("R1 2026-12-29"))
        let mhhs = try CLIRunner.run(["calendar", "runs", "--date", "2026-11-02", "--timetable", "mhhs"])
        #expect(mhhs.lines.contains("SF 2026-11-11"))
        #expect(!mhhs.lines.contains { $0.hasPrefix("R2 ") })
        let bad = try CLIRunner.run(["calendar", "runs", "--date", "2026-11-31"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'2026-11-31' is not a valid date"))
    }

    @Test("calendar periods shows 50 periods on the autumn change day")
    func calendarPeriods() throws {
        let result = try CLIRunner.run(["calendar", "periods", "--date", "2026-10-25"])
        #expect(result.lines.first == "2026-10-25 has 50 settlement periods")
        #expect(result.lines.last == "SP50 2026-10-25T23:30:00+00:00 2026-10-26T00:00:00+00:00")
    }

    @Test("import then llf prints the factors; a bad file changes nothing")
    func importAndQuery() throws {
        let data = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.importAndQuery(files: data, store: ["--data-dir", data.path])
    }

    @Test(
        "standing data in PostgreSQL: import then llf",
        .enabled(if: PostgresTestDatabase.url != nil, "\(PostgresTestDatabase.missingMessage)"))
    func importAndQueryPostgres() throws {
        let files = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: files) }
        // The data folder is a different empty one for each command: the factors must come from the database.
        try CLIRunner.withPostgresDatabase { url in
            try Self.importAndQuery(
                files: files, store: ["--database", url, "--data-dir", CLIRunner.temporaryDataDirectory().path])
        }
    }

    static func importAndQuery(files data: URL, store: [String]) throws {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let good = data.appendingPathComponent("good.ptf")
        try FixtureD0265.text(dates: ["20261025", "20270328"], periods: [50, 46]).write(to: good, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["standing-data", "import", "--llf", good.path] + store)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("LOND: 1 classes, 2 class-days, 2026-10-25 to 2027-03-28"))

        let autumn = try CLIRunner.run(["llf", "--ldso", "LOND", "--llfc", "1", "--date", "2026-10-25"] + store)
        #expect(autumn.lines.count == 50)
        #expect(autumn.lines.first == "1 1.001" && autumn.lines.last == "50 1.050")
        let spring = try CLIRunner.run(["llf", "--ldso", "LOND", "--llfc", "1", "--date", "2027-03-28"] + store)
        #expect(spring.lines.count == 46)

        let bad = data.appendingPathComponent("bad.ptf")
        try FixtureD0265.text(distributor: "SWEB", dates: ["20261102"], periods: [47]).write(to: bad, atomically: true, encoding: .utf8)
        let rejected = try CLIRunner.run(["standing-data", "import", "--llf", bad.path] + store)
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("has 47 SPL records; the day has 48 periods"))
        #expect(rejected.stderr.contains("nothing was imported"))
        let missing = try CLIRunner.run(["llf", "--ldso", "SWEB", "--llfc", "1", "--date", "2026-11-02"] + store)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no line loss factors for SWEB"))
    }

    @Test(
        "the real LOND file: 50 factors on 2026-10-25, 46 on 2027-03-28",
        .enabled(
            if: ReferenceData.has("llf/llflond20260401ptf.zip") && ReferenceData.has("mdd-377"),
            Comment(rawValue: ReferenceData.missingMessage)))
    func realFile() throws {
        let data = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let imported = try CLIRunner.run([
            "standing-data", "import", "--mdd", ReferenceData.path("mdd-377")!.path,
            "--llf", ReferenceData.path("llf/llflond20260401ptf.zip")!.path, "--data-dir", data.path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("LLF classes                          49060 rows"))
        #expect(imported.stdout.contains("LOND: 166 classes, 60590 class-days, 2026-04-01 to 2027-03-31"))
        let autumn = try CLIRunner.run(["llf", "--ldso", "LOND", "--llfc", "1", "--date", "2026-10-25", "--data-dir", data.path])
        #expect(autumn.lines.count == 50)
        #expect(autumn.lines.allSatisfy { $0.split(separator: " ").count == 2 })
        let spring = try CLIRunner.run(["llf", "--ldso", "LOND", "--llfc", "1", "--date", "2027-03-28", "--data-dir", data.path])
        #expect(spring.lines.count == 46)
    }
}

/// A tiny D0265 writer for CLI tests (the library's own fixture lives in another test target).
enum FixtureD0265 {
    static func text(distributor: String = "LOND", dates: [String], periods: [Int]) -> String {
        var lines = ["ZHD||D0265001|R|\(distributor)|G|CAPG|20251021141250||||OPER", "DIS|\(distributor)", "LLF|1"]
        for (date, count) in zip(dates, periods) {
            lines.append("SDT|\(date)")
            for sp in 1...count { lines.append("SPL|\(sp)|\(sp < 10 ? "1.00\(sp)" : "1.0\(sp)")") }
        }
        lines.append("ZPT|\(lines.count + 1)|0")
        return lines.joined(separator: "\n") + "\n"
    }
}
