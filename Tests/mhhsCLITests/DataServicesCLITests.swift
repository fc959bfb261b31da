import Foundation
import MHHSTestSupport
import Testing

/// The data services and the LSS as a user runs them: meter reads → `mhhs ds run` → IF-021 →
/// `mhhs ingest` → `mhhs lss run` → estimates from the published shapes → settlement; UMS,
/// amendments, and publishing through a running hub.
@Suite("Data services and the LSS through the CLI", .serialized)
struct DataServicesCLITests {
    static let header =
        "mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,ms_role,ms_mpid"
    static let registrations = """
        \(header)
        2000056535971,_H,SOUT,SUPA,2026-10-01,W,S,I,T,E,1,D01,mhhs,,,,SDS,SDSA,MSS,MSAA
        2000000000033,_H,SOUT,SUPA,2026-10-01,W,S,I,T,E,1,D01,mhhs,,,,SDS,SDSA,MSS,MSAA
        2000000000042,_H,SOUT,SUPA,2026-10-01,W,S,I,T,E,1,D01,mhhs,,,3650,SDS,SDSA,MSS,MSAA
        2000000000051,_H,SOUT,SUPA,2026-10-01,U,U,I,F,E,1,D01,mhhs,,,,UMSDS,UMSA,UMSO,UMOA

        """

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Half-hour ends of a UTC day, as DIP text.
    static func ends(_ day: String) -> [String] {
        let formatter = ISO8601DateFormatter()
        let midnight = formatter.date(from: "\(day)T00:00:00Z")!
        return (1...48).map { index in
            String(formatter.string(from: midnight.addingTimeInterval(Double(index) * 1_800)).prefix(19)) + "+00:00"
        }
    }

    static func ingest(_ file: String, at: String, data: String) throws {
        let result = try CLIRunner.run(["ingest", file, "--received-at", at, "--data-dir", data])
        #expect(
            result.status == 0 && result.stdout.contains("accepted") && result.stdout.contains(", 0 refused"),
            "\(result.stdout)\(result.stderr)")
    }

    @Test("reads → SDS → MDS → LSS → estimates → settlement; UMS and amendments")
    func readsToSettlement() throws {
        let data = CLIRunner.temporaryDataDirectory().path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ds-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let registered = try CLIRunner.run([
            "registration", "import", try Self.write(Self.registrations, "reg.csv", in: folder), "--recorded-at", "2026-10-01",
            "--data-dir", data,
        ])
        #expect(registered.status == 0, "\(registered.stderr)")

        // Day 1: two meters send every half hour (0.100 and 0.300 kWh); the third only its
        // first ten half hours and a day's register advance of 8 kWh.
        let day1 = Self.ends("2026-11-02")
        var reads = "mpan,mq,kind,at,kwh\n"
        for end in day1 {
            reads += "2000056535971,AI,interval,\(end),0.100\n2000000000033,AI,interval,\(end),0.300\n"
        }
        for end in day1.prefix(10) { reads += "2000000000042,AI,interval,\(end),0.200\n" }
        reads += "2000000000042,AI,register,2026-11-02T00:00:00+00:00,100.000\n"
        reads += "2000000000042,AI,register,2026-11-03T00:00:00+00:00,108.000\n"
        let out1 = folder.appendingPathComponent("day1.json").path
        let run1 = try CLIRunner.run([
            "ds", "run", "--service", "sds", "--date", "2026-11-02", "--input", try Self.write(reads, "day1.csv", in: folder),
            "--dip-id", "1401234567", "--at", "2026-11-03T01:00:00+00:00", "--out", out1, "--data-dir", data,
        ])
        #expect(
            run1.status == 0 && run1.stdout.contains("3 IF-021 message(s)") && run1.stdout.contains("E1 38"), "\(run1.stdout)\(run1.stderr)"
        )
        try Self.ingest(out1, at: "2026-11-03T02:00:00+00:00", data: data)

        // The LSS: the mean of the two complete meters' actual data (the E1 values do not count).
        let lssOut = folder.appendingPathComponent("lss").path
        let lss = try CLIRunner.run([
            "lss", "run", "--date", "2026-11-02", "--at", "2026-11-03T03:00:00+00:00", "--minimum-sample", "2", "--out", lssOut,
            "--data-dir", data,
        ])
        #expect(lss.status == 0 && lss.stdout.contains("run 2026-11-02-LSS-1"), "\(lss.stdout)\(lss.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: lssOut + "/IF-022.json")
                && FileManager.default.fileExists(atPath: lssOut + "/IF-023.json"))
        let show = try CLIRunner.run(["lss", "show", "--date", "2026-11-02", "--category", "_H/W/S/T/AI", "--data-dir", data])
        #expect(show.lines.contains("2026-11-02T00:30:00+00:00,0.200,A,3"), "\(show.stdout)\(show.stderr)")
        #expect(show.lines.contains("2026-11-02T12:00:00+00:00,0.200,A,2"), "\(show.stdout)")
        let listed = try CLIRunner.run(["lss", "show", "--date", "2026-11-02", "--data-dir", data])
        #expect(listed.lines.contains { $0.hasPrefix("_H/W/S/T/AI,") } && listed.lines.contains { $0.hasPrefix("national/W/S/T/AI,") })
        let badCategory = try CLIRunner.run(["lss", "show", "--date", "2026-11-02", "--category", "_H/W/S/AI", "--data-dir", data])
        #expect(badCategory.status != 0 && badCategory.stderr.contains("GROUP/CT/SEGMENT/DOMESTIC/MQ"))

        // Day 2: one gap on the first meter (E0), nothing but one half hour from the third (E9
        // from the published shape and its 3,650 kWh a year), and a value above the maximum.
        let day2 = Self.ends("2026-11-03")
        reads = "mpan,mq,kind,at,kwh\n"
        for (index, end) in day2.enumerated() where index != 20 {
            reads += "2000056535971,AI,interval,\(end),\(index == 30 ? "99.000" : "0.100")\n"
        }
        reads += "2000000000042,AI,interval,\(day2[0]),0.150\n"
        let out2 = folder.appendingPathComponent("day2.json").path
        let findings = folder.appendingPathComponent("findings.csv").path
        let run2 = try CLIRunner.run([
            "ds", "run", "--service", "sds", "--date", "2026-11-03", "--input", try Self.write(reads, "day2.csv", in: folder),
            "--dip-id", "1401234567", "--at", "2026-11-04T01:00:00+00:00", "--out", out2, "--findings", findings, "--data-dir", data,
        ])
        #expect(run2.status == 0 && run2.stdout.contains("E0 2") && run2.stdout.contains("E9 47"), "\(run2.stdout)\(run2.stderr)")
        #expect(try String(contentsOfFile: findings, encoding: .utf8).contains("2000056535971,AI,2026-11-03T15:30:00+00:00,above-maximum"))
        try Self.ingest(out2, at: "2026-11-04T02:00:00+00:00", data: data)

        // A bad reads file changes nothing and says where.
        let bad = try CLIRunner.run([
            "ds", "run", "--service", "sds", "--date", "2026-11-03", "--dip-id", "1401234567", "--data-dir", data,
            "--input",
            try Self.write("mpan,mq,kind,at,kwh\n2000056535971,AI,interval,2026-11-03T00:10:00+00:00,0.100\n", "bad.csv", in: folder),
        ])
        #expect(bad.status != 0 && bad.stderr.contains("line 2: at: 2026-11-03T00:10:00+00:00 is not on a half hour"), "\(bad.stderr)")

        // UMS: 100 × 50 W LED dusk to dawn; the legacy EAC from the same burning hours.
        let inventory = try Self.write(
            "mpan,charge_code,quantity,switch_regime\n2000000000051,4200500000100,100,821\n", "inventory.csv", in: folder)
        let umsOut = folder.appendingPathComponent("ums.json").path
        let ums = try CLIRunner.run([
            "ds", "run", "--service", "umsds", "--date", "2026-11-02", "--input", inventory, "--dip-id", "1401234568", "--out", umsOut,
            "--data-dir", data,
        ])
        #expect(ums.status == 0 && ums.stdout.contains("1 IF-021 message(s)") && ums.stdout.contains("E 48"), "\(ums.stdout)\(ums.stderr)")
        try Self.ingest(umsOut, at: "2026-11-03T02:30:00+00:00", data: data)
        let eac = try CLIRunner.run(["ds", "ums-eac", "--input", inventory, "--year", "2026"])
        #expect(
            eac.status == 0 && eac.lines.first == "mpan,gsp_group,eac_kwh" && eac.lines[1].hasPrefix("2000000000051,_H,"), "\(eac.stdout)")

        // An amendment of the first meter's evening: IF-028 accepted, the span resent.
        let amendment = """
            [{"payload":{"CommonBlock":{"S0":{"interfaceID":"IF-027","schemaVersion":"011","eventCode":"[ConsumptionAmendment]"},
            "S1":{"environmentTag":"PRD","subText":null,"senderUniqueReference":"S-IF-027-3000000001-SUP-20261110-a1",
            "senderTimestamp":"2026-11-10T09:00:00+00:00","senderDIPID":"3000000001","senderRoleID":"SUP","senderCorrelationID":null,
            "DIPConnectionProviderID":null},"A0":{"primaryRecipients":[],"secondaryRecipients":[],"always":[]},
            "M0":{"MPANCore":"2000056535971","distributorDIPID":"2000000001","GSPGroupID":"_H"}},
            "CustomBlock":{"B902List":[{"MQID":{"measurementQuantityID":"AI"},"supplierConsumptionAmendmentRequests":[
            {"consumptionAmendmentSupplierReference":"R1","consumptionAmendmentPeriodStartDate":"2026-11-02T18:00:00+00:00",
            "consumptionAmendmentPeriodEndDate":"2026-11-02T20:00:00+00:00","grossRevisedConsumption":"2.000","arc":"R"}]}]}}}]
            """
        let responses = folder.appendingPathComponent("if028.json").path
        let resent = folder.appendingPathComponent("amended.json").path
        let amend = try CLIRunner.run([
            "ds", "amend", "--service", "sds", "--input", try Self.write(amendment, "if027.json", in: folder), "--dip-id", "1401234567",
            "--responses", responses, "--out", resent, "--at", "2026-11-10T10:00:00+00:00", "--data-dir", data,
        ])
        #expect(amend.status == 0 && amend.stdout.contains("accepted"), "\(amend.stdout)\(amend.stderr)")
        #expect(try String(contentsOfFile: responses, encoding: .utf8).contains("\"responseCode\":\"A\""))
        try Self.ingest(resent, at: "2026-11-10T11:00:00+00:00", data: data)

        // Settlement sees it all: the amended 2 kWh (4 × 0.5) in place of 4 × 0.1.
        let takes = try Self.write("settlement_date,gsp_group,sp,direction,kwh\n", "takes.csv", in: folder)
        #expect(try CLIRunner.run(["take", "import", takes, "--recorded-at", "2026-11-03", "--data-dir", data]).status == 0)
        let sf = try CLIRunner.run(["settle", "--date", "2026-11-02", "--run", "SF", "--at", "2026-11-12", "--data-dir", data])
        #expect(sf.status == 0 && sf.stdout.contains("run 2026-11-02-SF-1"), "\(sf.stdout)\(sf.stderr)")
        let report = try CLIRunner.run(["report", "REP-003", "--date", "2026-11-02", "--data-dir", data])
        let evening = report.lines.filter { $0.hasPrefix("_H,SUPA,2__HSUPA000,") && $0.contains(",consumption,I,39,") }
        #expect(!evening.isEmpty, "\(report.stdout)")
    }

    @Test("the LSS publishes IF-022 and IF-023 through a running hub to the suppliers")
    func lssPublishesThroughTheHub() async throws {
        let data = CLIRunner.temporaryDataDirectory().path
        var keys: [String: String] = [:]
        for (id, mpid, role) in [("5000000003", "ELXL", "LSS"), ("3000000001", "SUPA", "SUP")] {
            let added = try CLIRunner.run(["participants", "add", "--dip-id", id, "--mpid", mpid, "--role", role, "--data-dir", data])
            #expect(added.status == 0, "\(added.stderr)")
            keys[id] = added.lines.last { $0.hasPrefix("mhhs_") }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lss-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let registered = try CLIRunner.run([
            "registration", "import", try Self.write(Self.registrations, "reg.csv", in: folder), "--recorded-at", "2026-10-01",
            "--data-dir", data,
        ])
        #expect(registered.status == 0, "\(registered.stderr)")
        var reads = "mpan,mq,kind,at,kwh\n"
        for end in Self.ends("2026-11-02") { reads += "2000056535971,AI,interval,\(end),0.100\n" }
        let out = folder.appendingPathComponent("day.json").path
        let run = try CLIRunner.run([
            "ds", "run", "--service", "sds", "--date", "2026-11-02", "--input", try Self.write(reads, "day.csv", in: folder),
            "--dip-id", "1401234567", "--out", out, "--data-dir", data,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.ingest(out, at: "2026-11-03T02:00:00+00:00", data: data)
        let server = try ServerProcess(arguments: ["--data-dir", data])
        defer { _ = server.stop() }
        let published = try CLIRunner.run([
            "lss", "run", "--date", "2026-11-02", "--at", "2026-11-03T03:00:00+00:00", "--publish-to", server.url, "--api-key",
            keys["5000000003"]!, "--data-dir", data,
        ])
        #expect(published.status == 0 && published.stdout.contains("published IF-022 and IF-023"), "\(published.stdout)\(published.stderr)")
        let pulled = try CLIRunner.run([
            "hub", "pull", "--participant", "3000000001", "--url", server.url, "--api-key", keys["3000000001"]!,
        ])
        #expect(pulled.status == 0 && pulled.lines.count == 2, "\(pulled.stdout)\(pulled.stderr)")
        #expect(pulled.stdout.contains("\"IF-022\"") && pulled.stdout.contains("\"IF-023\""))
    }
}
