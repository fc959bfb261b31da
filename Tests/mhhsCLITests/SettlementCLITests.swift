import Foundation
import MHHSStorage
import MHHSTestSupport
import Testing

/// Settlement as a user runs it: `mhhs ingest`, `take import`, `settle`, `runs list`, `report`,
/// `settle diff`, and the hub pushing IF-021 to the MDS inside `mhhs serve`.
@Suite("Settlement through the CLI", .serialized)
struct SettlementCLITests {
    static let consumptionFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../MHHSHubTests/Fixtures/dip/IF-021-ActivePower.json").standardized
    static let mpan = "2000056535971"

    /// The golden IF-021's MPAN registered in MHHS (supplier SUPA, group _H) from 2026-10-01.
    static func register(_ data: String) throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("reg-\(UUID().uuidString).csv")
        try """
        mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,ms_role,ms_mpid
        \(mpan),_H,SOUT,SUPA,2026-10-01,W,S,I,T,E,1,D01,mhhs,,,,SDS,SDSA,MSS,MSAA

        """.write(to: csv, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["registration", "import", csv.path, "--recorded-at", "2026-10-01", "--data-dir", data])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// The golden message's `v` values in Wh, in period order.
    static func goldenWattHours() throws -> [Int] {
        let text = try String(contentsOf: consumptionFile, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.contains("\"v\"") }.map { line in
            Int(line.split(separator: "\"")[3].replacingOccurrences(of: ".", with: ""))!
        }
    }

    @Test("ingest (with refusals and IF-014s), take, settle SF, late data, R1, diff, reports")
    func dayThroughTheCLI() throws {
        try Self.dayThroughTheCLI(spStore: [])
    }

    @Test(
        "the same day with SP data on the ClickHouse cluster (--sp-store)",
        .enabled(if: ClickHouseTestDatabase.url != nil, Comment(rawValue: ClickHouseTestDatabase.missingMessage)))
    func dayThroughTheCLIOnClickHouse() throws {
        let base = try ClickHouseLocation(url: try #require(ClickHouseTestDatabase.url))
        let database = "mhhs_cli_\(UUID().uuidString.prefix(8).lowercased())"
        defer {
            for host in base.hosts {
                _ = try? CLIRunner.runTool(
                    "/usr/bin/curl", ["-sS", "http://\(host)/", "--data-binary", "DROP DATABASE IF EXISTS \(database)"])
            }
        }
        try Self.dayThroughTheCLI(spStore: [
            "--sp-store", "clickhouse://\(base.hosts.joined(separator: ","))/\(database)?cluster=\(base.cluster)",
        ])
    }

    static func dayThroughTheCLI(spStore: [String]) throws {
        let data = CLIRunner.temporaryDataDirectory().path
        try Self.register(data)
        let store = ["--data-dir", data] + spStore
        func run(_ arguments: [String]) throws -> CLIRunner.Result { try CLIRunner.run(arguments + store) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settle-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let ingested = try run([
            "ingest", Self.consumptionFile.path, "--received-at", "2026-11-03T09:00:00+00:00",
        ])
        #expect(ingested.status == 0 && ingested.stdout.contains("48 values accepted as version 1"), "\(ingested.stdout)\(ingested.stderr)")

        // A resubmission with SP 20 negative: that period is refused with ECS1010, the rest kept.
        let original = try String(contentsOf: Self.consumptionFile, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let vLines = lines.indices.filter { lines[$0].contains("\"v\"") }
        lines[vLines[19]] = "         \"v\": \"-1.000\","
        lines[vLines[20]] = "         \"v\": \"9.999\","
        let late = folder.appendingPathComponent("late.json")
        try lines.joined(separator: "\n").write(to: late, atomically: true, encoding: .utf8)

        let takes = folder.appendingPathComponent("takes.csv")
        try "settlement_date,gsp_group,sp,direction,kwh\n".write(to: takes, atomically: true, encoding: .utf8)
        #expect(try run(["take", "import", takes.path, "--recorded-at", "2026-11-03"]).status == 0)

        let sf = try run(["settle", "--date", "2026-11-02", "--run", "SF", "--at", "2026-11-10"])
        #expect(sf.status == 0 && sf.stdout.contains("run 2026-11-02-SF-1"), "\(sf.stdout)\(sf.stderr)")
        #expect(sf.stdout.contains("2026-11-02,_H,1,1,0,0,0,0,48"))

        let refusals = folder.appendingPathComponent("refusals.csv")
        let if014 = folder.appendingPathComponent("if014.json")
        let second = try run([
            "ingest", late.path, "--received-at", "2026-11-20T09:00:00+00:00", "--rejections", refusals.path, "--if014", if014.path,
        ])
        #expect(second.status == 0 && second.stdout.contains("47 values accepted as version 2"), "\(second.stdout)\(second.stderr)")
        #expect(try String(contentsOf: refusals, encoding: .utf8).contains("ECS1010"))
        #expect(
            try String(contentsOf: if014, encoding: .utf8).contains(
                "\"ECS1010 - Consumption Value cannot be negative: sp 2026-11-02T10:00:00+00:00\""))

        let r1 = try run(["settle", "--date", "2026-11-02", "--run", "R1", "--at", "2026-12-10"])
        #expect(r1.status == 0, "\(r1.stderr)")
        let runs = try run(["runs", "list", "--date", "2026-11-02"])
        #expect(runs.lines.count == 3 && runs.lines[2].hasPrefix("2026-11-02-R1-1,") && runs.lines[2].hasSuffix(",*"))

        // SF keeps the first submission; R1 has SP 21 resubmitted (SP 20's negative was refused).
        let golden = try Self.goldenWattHours()
        let sfCSV = try run(["report", "REP-003", "--date", "2026-11-02", "--run", "SF"])
        let r1CSV = try run(["report", "REP-003", "--date", "2026-11-02"])
        func consumption(_ report: CLIRunner.Result, period: Int) -> String? {
            report.lines.first { $0.hasPrefix("_H,SUPA,2__HSUPA000,111,consumption,I,\(period),") }?.split(separator: ",")[7].description
        }
        #expect(consumption(sfCSV, period: 21) == String(format: "%.6f", Double(golden[20]) / 1_000))
        #expect(consumption(r1CSV, period: 21) == "9.999000")
        #expect(consumption(r1CSV, period: 20) == String(format: "%.6f", Double(golden[19]) / 1_000))

        let diff = try run(["settle", "diff", "--date", "2026-11-02", "--from", "SF", "--to", "R1"])
        #expect(diff.status == 0 && diff.lines.contains { $0.hasPrefix("_H,SUPA,2__HSUPA000,111,21,") }, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.lines.contains { $0.hasPrefix("\(Self.mpan),\(golden[20]),9999") })

        let json = folder.appendingPathComponent("rep003.json")
        let report = try run([
            "report", "REP-003", "--date", "2026-11-02", "--format", "json", "--out", json.path,
        ])
        #expect(report.status == 0)
        #expect(try String(contentsOf: json, encoding: .utf8).contains("\"compressedReport\""))
        let unknown = try run(["report", "REP-005", "--date", "2026-11-02"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown report REP-005"))
    }

    @Test("the hub pushes IF-021 to the MDS inside mhhs serve; the MDS stores it")
    func hubPushesToTheMDS() async throws {
        let data = CLIRunner.temporaryDataDirectory().path
        try Self.register(data)
        var keys: [String: String] = [:]
        for (id, mpid, role) in [("1401234567", "SDSA", "SDS"), ("5000000001", "ELXM", "MDS"), ("3000000001", "SUPA", "SUP")] {
            let added = try CLIRunner.run(["participants", "add", "--dip-id", id, "--mpid", mpid, "--role", role, "--data-dir", data])
            keys[id] = added.lines.last { $0.hasPrefix("mhhs_") }
        }
        let token = "mds-inbound-\(UUID().uuidString.prefix(8))"
        let server = try ServerProcess(arguments: ["--data-dir", data, "--mds-token", token])
        defer { _ = server.stop() }
        let hook = try await TestHTTP.call(
            "POST", server.url + "/dip-channel/IF-021/pubconfig/5000000001", headers: ["X-API-Key": keys["5000000001"]!],
            body: Data("{\"callbackURL\": \"\(server.url)/mds/inbound/\(token)\"}".utf8))
        #expect(hook.status == 201, "\(hook.text)")
        #expect(try await TestHTTP.call("POST", server.url + "/mds/inbound/wrong-token-000000", body: Data("[]".utf8)).status == 401)

        let sent = try CLIRunner.run(["hub", "send", Self.consumptionFile.path, "--url", server.url, "--api-key", keys["1401234567"]!])
        #expect(sent.status == 0 && sent.stdout.contains("MSG0000"), "\(sent.stdout)\(sent.stderr)")

        // The push is asynchronous: settle until the data is there (at most ~30 s).
        var settled = ""
        for _ in 0..<60 {
            let run = try CLIRunner.run(["settle", "--date", "2026-11-02", "--run", "II", "--data-dir", data])
            settled = run.stdout
            if settled.contains("2026-11-02,_H,1,1,0,0,0,0,48") { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(settled.contains("2026-11-02,_H,1,1,0,0,0,0,48"), "the MDS never received the IF-021: \(settled)")
    }
}
