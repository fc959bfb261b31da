import ArgumentParser
import Foundation
import MHHSCore
import MHHSHub
import MHHSSettlement
import MHHSStorage

/// `mhhs report REP-003 --date D [--run R] [--format json|csv] [--out FILE]`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an ECS report of a run (REP-002, REP-003, REP-004, REP-006, REP-007, REP-008), or its IF-013 defaults.",
        discussion: """
            JSON is the DIP report message (the report content gzip-compressed and base64-encoded in \
            P03.compressedReport), one message per GSP group (per supplier for REP-002/REP-004, per LDSO \
            for REP-008), as a JSON array. CSV is the same content flattened, one row per settlement period. \
            IF-013 (JSON only) is one message per defaulted MPAN, addressed by the DIP ids the hub's \
            participant table gives the data service, supplier and LDSO. Send any of them with \
            'mhhs hub send FILE' as the participant named by --sender-dip-id.
            """)

    @Argument(help: "The report: REP-002, REP-003, REP-004, REP-006, REP-007, REP-008, or IF-013.")
    var report: String

    @Option(help: "The sender's DIP id in the messages (default 5000000001 for reports, 5000000002 for IF-013).")
    var senderDipId: String?

    @Option(help: "The settlement date, YYYY-MM-DD.")
    var date: String

    @Option(help: "The run type (default: the date's latest run).")
    var run: String?

    @Option(help: "json or csv.")
    var format: String = "csv"

    @Option(help: "Write here instead of standard output.")
    var out: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ECSReport(rawValue: report) != nil || report == "IF-013" else {
            throw ValidationError("unknown report \(report): use \(ECSReport.allCases.map(\.rawValue).joined(separator: ", ")) or IF-013")
        }
        if report == "IF-013", format != "json" { throw ValidationError("IF-013 is written as JSON (--format json)") }
        if let senderDipId, (try? DIPID(senderDipId)) == nil { throw ValidationError("--sender-dip-id must be 10 digits") }
        guard format == "json" || format == "csv" else { throw ValidationError("--format is json or csv") }
        _ = try SettlementDate(date)
        if let run, SettlementRunType(rawValue: run) == nil { throw ValidationError("unknown run type \(run)") }
    }

    func run() async throws {
        try await store.withSettlementStores { stores in
            let settlementDate = try SettlementDate(date)
            let type = run.flatMap(SettlementRunType.init(rawValue:))
            guard let manifest = try await stores.runs.latest(on: settlementDate, type: type) else {
                throw NotFound("no \(run ?? "") run of \(date); make one with 'mhhs settle --date \(date) --run SF'")
            }
            var files: [String: [UInt8]] = [:]
            for name in manifest.results.keys { files[name] = try await stores.runs.file(named: name, ofRun: manifest.id) }
            let results = try RunResults(manifest: manifest, files: files)
            let kind = ECSReport(rawValue: report)!
            let bytes: [UInt8]
            if format == "csv" {
                bytes = ReportCSV.render(kind, results)
            } else {
                bytes = try ReportMessages.render(kind, results, sender: ReportSender.standard, at: SystemClock.now)
            }
            if let out {
                try Data(bytes).write(to: URL(fileURLWithPath: out))
                print("wrote \(report) of run \(manifest.id) to \(out)")
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }
}
