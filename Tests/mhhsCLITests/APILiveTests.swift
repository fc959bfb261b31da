import Foundation
import MHHSTestSupport
import Testing

/// Two `mhhs serve` instances on one PostgreSQL database, as operators would run them: a run
/// started on one is listed by the other, the audit trail holds both instances' changes, runs
/// started on both at once both succeed with distinct numbers, and both stop cleanly.
@Suite("REST API: two servers on one PostgreSQL")
struct APILiveTests {
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil, "DATABASE_URL is not set: skipping the live PostgreSQL test"))
    func twoInstances() async throws {
        let server = ProcessInfo.processInfo.environment["DATABASE_URL"]!
        let name = "mhhs_api_\(UUID().uuidString.prefix(8).lowercased())"
        #expect(try CLIRunner.runTool("/usr/bin/psql", [server, "-q", "-c", "CREATE DATABASE \(name)"]).status == 0)
        defer { _ = try? CLIRunner.runTool("/usr/bin/psql", [server, "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        let store = ["--database", server.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression)]
        let local = CLIRunner.temporaryDataDirectory().path

        func add(_ dip: String, _ mpid: String, _ role: String) throws -> String {
            let added = try CLIRunner.run(["participants", "add", "--dip-id", dip, "--mpid", mpid, "--role", role] + store)
            #expect(added.status == 0, "\(added.stderr)")
            return added.lines.last ?? ""
        }
        let operatorKey = try add("9000000001", "OPSA", "OPS")
        let supplierKey = try add("3000000001", "SUPA", "SUP")
        // One MHHS point of SUPA's in _H, and the group's take.
        let registrations = FileManager.default.temporaryDirectory.appendingPathComponent("api-live-\(UUID().uuidString).csv")
        try """
        mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,ms_role,ms_mpid
        2000056535971,_H,SOUT,SUPA,2026-01-01,W,S,I,T,E,1,D01,mhhs,1,0393,5182.000,SDS,SDSA,MSS,MSSA
        """.write(to: registrations, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["registration", "import", registrations.path, "--recorded-at", "2026-10-01"] + store)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let takes = FileManager.default.temporaryDirectory.appendingPathComponent("api-live-take-\(UUID().uuidString).csv")
        try
            ("settlement_date,gsp_group,sp,direction,kwh\n" + (1...48).map { "2026-11-02,_H,\($0),import,1" }.joined(separator: "\n") + "\n")
            .write(to: takes, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["take", "import", takes.path, "--recorded-at", "2026-11-03", "--data-dir", local] + store).status == 0)

        // Standing data goes into the database once; each instance has an empty data folder of its own.
        let llf = FileManager.default.temporaryDirectory.appendingPathComponent("api-live-\(UUID().uuidString).ptf")
        try FixtureD0265.text(distributor: "SOUT", dates: ["20261102"], periods: [48]).write(to: llf, atomically: true, encoding: .utf8)
        let llfImport = try CLIRunner.run(["standing-data", "import", "--llf", llf.path, "--data-dir", local] + store)
        #expect(llfImport.status == 0, "\(llfImport.stderr)")

        let first = try ServerProcess(arguments: store + ["--data-dir", CLIRunner.temporaryDataDirectory().path])
        let second = try ServerProcess(arguments: store + ["--data-dir", CLIRunner.temporaryDataDirectory().path])
        func call(_ instance: ServerProcess, _ method: String, _ path: String, key: String, body: String? = nil) async throws -> (
            status: Int, text: String
        ) {
            try await TestHTTP.call(
                method, instance.url + path, headers: ["X-API-Key": key, "Content-Type": "application/json"],
                body: body.map { Data($0.utf8) })
        }

        for instance in [first, second] {
            let factors = try await call(instance, "GET", "/api/v1/standing-data/llf?ldso=SOUT&llfc=1&date=2026-11-02", key: supplierKey)
            #expect(factors.status == 200 && factors.text.contains(#""factors":[1.001,1.002"#), "\(factors)")
        }
        let sf = try await call(
            first, "POST", "/api/v1/runs", key: operatorKey, body: #"{"date":"2026-11-02","run":"SF","at":"2026-11-12T12:00:00Z"}"#)
        #expect(sf.status == 201 && sf.text.contains("2026-11-02-SF-1"), "\(sf)")
        let listed = try await call(second, "GET", "/api/v1/runs?date=2026-11-02", key: supplierKey)
        #expect(listed.status == 200 && listed.text.contains("2026-11-02-SF-1"), "the other instance sees the run")
        #expect(try await call(second, "POST", "/api/v1/runs", key: supplierKey, body: #"{"date":"2026-11-02","run":"R1"}"#).status == 403)

        // Both at once: whichever saves second finds its number taken and takes the next one.
        async let a = call(
            first, "POST", "/api/v1/runs", key: operatorKey, body: #"{"date":"2026-11-02","run":"R1","at":"2026-12-10T00:00:00Z"}"#)
        async let b = call(
            second, "POST", "/api/v1/runs", key: operatorKey, body: #"{"date":"2026-11-02","run":"R1","at":"2026-12-10T00:00:00Z"}"#)
        let both = try await [a, b]
        #expect(both.allSatisfy { $0.status == 201 }, "\(both)")
        #expect(
            Set(both.map { $0.text.contains("2026-11-02-R1-1") ? 1 : $0.text.contains("2026-11-02-R1-2") ? 2 : 0 }) == [1, 2], "\(both)")
        let runs = try await call(first, "GET", "/api/v1/runs?date=2026-11-02", key: operatorKey).text
        let ids = runs.components(separatedBy: #""id":""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count && ids.count == 1 + both.filter { $0.status == 201 }.count, "\(ids)")

        let audit = try await call(second, "GET", "/api/v1/audit", key: operatorKey)
        #expect(audit.status == 200 && audit.text.contains("2026-11-02-SF-1") && audit.text.contains("2026-11-02-R1-1"), "\(audit)")
        let metrics = try await TestHTTP.call("GET", first.url + "/metrics")
        #expect(metrics.text.contains("mhhs_settlement_run_duration_seconds"))
        #expect(first.stop() == 0 && second.stop() == 0, "SIGTERM stops both cleanly")
    }
}
