import Foundation
import MHHSTestSupport
import Testing

/// The legacy NHH path as a user runs it: register legacy MPANs, import the real MDD, profile a
/// settlement date into the purchase matrix and SP volumes.
@Suite("Legacy profiling through the CLI")
struct LegacyCLITests {
    /// Three legacy NHH MPANs in `_A`: unrestricted (SSC 0393, one 24-hour regime), an off-peak
    /// register only (SSC 0003, GMT 00:00–06:30 and 20:30–24:00), and a teleswitched SSC (0009).
    @Test func profileADay() throws {
        guard let mdd = ReferenceData.path("mdd-377") else {
            print(ReferenceData.missingMessage)
            return
        }
        let data = CLIRunner.temporaryDataDirectory().path
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString).csv")
        try """
        mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,ms_role,ms_mpid
        1000000000012,_A,EELC,SUPA,2026-04-01,W,S,I,T,E,1,D01,legacy-nhh,1,0393,3650.000,NHHDC,UDMS,MSS,LBSL
        1000000000021,_A,EELC,SUPA,2026-04-01,W,S,I,T,E,1,D01,legacy-nhh,2,0003,7300.000,NHHDC,UDMS,MSS,LBSL
        1000000000030,_A,EELC,SUPB,2026-04-01,W,S,I,T,E,1,D01,legacy-nhh,1,0009,1000.000,NHHDC,UDMS,MSS,LBSL

        """.write(to: csv, atomically: true, encoding: .utf8)
        let registered = try CLIRunner.run(["registration", "import", csv.path, "--recorded-at", "2026-10-01", "--data-dir", data])
        #expect(registered.status == 0, "\(registered.stderr)")
        let noMDD = try CLIRunner.run(["legacy", "profile", "--date", "2026-11-02", "--out", "/tmp/x", "--data-dir", data])
        #expect(noMDD.status != 0 && noMDD.stderr.contains("standing-data import --mdd"))
        #expect(try CLIRunner.run(["standing-data", "import", "--mdd", mdd.path, "--data-dir", data]).status == 0)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-out-\(UUID().uuidString)")
        let run = try CLIRunner.run([
            "legacy", "profile", "--date", "2026-11-02", "--group", "_A", "--at", "2026-11-10", "--out", out.path, "--data-dir", data,
        ])
        #expect(run.status == 0 && run.stdout.contains("3 legacy NHH MPANs profiled for 2026-11-02"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("teleswitched SSCs (profiled whole): 0009"))
        let matrix = try String(contentsOf: out.appendingPathComponent("matrix.csv"), encoding: .utf8)
        let tprs = matrix.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[6] }
        #expect(Set(tprs) == ["00001", "00166", "UNMAPPED", "TELESWITCHED"], "\(matrix)")
        // Each MPAN's cells add up to its EAC.
        let eac = matrix.split(separator: "\n").dropFirst().filter { $0.contains(",0003,") }.map { Double($0.split(separator: ",")[8])! }
        #expect(abs(eac.reduce(0, +) - 7_300) < 0.001)
        // The off-peak register carries only SP 1–13 and 42–48 of this GMT date.
        let volumes = try String(contentsOf: out.appendingPathComponent("volumes.csv"), encoding: .utf8)
        let offPeak = Set(volumes.split(separator: "\n").filter { $0.contains(",00166,") }.map { Int($0.split(separator: ",")[7])! })
        #expect(offPeak == Set(Array(1...13) + Array(42...48)))
        let day = volumes.split(separator: "\n").dropFirst().reduce(0.0) { $0 + Double($1.split(separator: ",")[8])! }
        // About a 365th of the 11,950 kWh a year (a November weekday is above average).
        #expect(day > 11_950.0 / 365 && day < 11_950.0 / 365 * 1.6, "\(day)")
    }
}
