import ArgumentParser
import Foundation
import MHHSCore
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import MHHSStorage

/// `mhhs ingest FILE…`: MDS receiving IF-021 files (JSON array or JSON Lines).
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest IF-021 consumption files into the MDS (the content rules ECS1002–ECS1015 apply).",
        discussion: """
            Each file is one ingest: its accepted values become one new version of the SP data. Refused \
            messages, days and periods are listed (code, message, MPAN, day, period) and the rest is kept.
            """)

    @Argument(help: "IF-021 files: a JSON array of DIP messages, or JSON Lines; with --bulk, segment files.")
    var files: [String]

    @Flag(help: "The files are bulk segment files (one settlement date and GSP group each; layout in docs/SETTLEMENT.md).")
    var bulk = false

    @Option(help: "When the data counts as received (default now): runs made later see it.")
    var receivedAt: String?

    @Option(help: "Write the refusals to this file as CSV.")
    var rejections: String?

    @Option(help: "Write the IF-014 rejection messages (a JSON array, one per refused message) to this file.")
    var if014: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let receivedAt { _ = try parseInstant(receivedAt) }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() async throws {
        try await store.withSettlementStores { stores in
            let received = try receivedAt.map(parseInstant) ?? SystemClock.now
            var refusals = "file,code,text,message,sender_reference,mpan,day,sp,detail\n"
            if bulk {
                try await self.ingestBulk(stores, received: received)
                return
            }
            var totalRefused = 0
            var rejectionMessages: [JSONValue] = []
            for file in files {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                let receipt: MDSReceiver.Receipt
                do {
                    receipt = try await MDSReceiver(register: stores.register, store: stores.spData).receive(bytes, at: received)
                } catch let error as JSONParser.Failure {
                    throw ValidationError("\(file): \(error) — nothing was stored")
                }
                let outcome = receipt.outcome
                print(
                    "\(file): \(outcome.messages) messages, \(outcome.acceptedValues) values accepted as version \(receipt.version) "
                        + "in \(outcome.segments.count) segments, \(outcome.rejections.count) refused")
                for rejection in outcome.rejections {
                    refusals +=
                        [
                            file, rejection.code.rawValue, rejection.code.text, String(rejection.position + 1),
                            rejection.senderUniqueReference ?? "", rejection.mpan ?? "", rejection.dayStart?.text ?? "",
                            rejection.periodEnd?.text ?? "", rejection.detail,
                        ].map(csvField).joined(separator: ",") + "\n"
                }
                totalRefused += outcome.rejections.count
                rejectionMessages += outcome.rejectionMessages(sender: .standardMDS, at: received, version: receipt.version)
                for rejection in outcome.rejections.prefix(20) { print("  \(rejection)") }
                if outcome.rejections.count > 20 { print("  … \(outcome.rejections.count - 20) more") }
            }
            if let rejections { try Data(refusals.utf8).write(to: URL(fileURLWithPath: rejections)) }
            if let if014 { try Data(JSONWriter.bytes(.array(rejectionMessages))).write(to: URL(fileURLWithPath: if014)) }
            if totalRefused > 0 { print("\(totalRefused) refusals in all") }
        }
    }
}

/// Quotes a CSV field when it needs it.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

extension IngestCommand {
    /// Bulk segment files: each checked against its group's register and stored as one version.
    fileprivate func ingestBulk(_ stores: SettlementStores, received: UTCInstant) async throws {
        var refusals = "file,code,text,mpan,sp\n"
        for file in files {
            let started = ContinuousClock.now
            let segment = try MappedFile.segment(at: file)
            let snapshot = try await stores.register.snapshot(of: segment.gspGroup, on: segment.settlementDate, asKnownAt: received)
            let outcome: BulkIngest.Outcome
            do { outcome = try BulkIngest().check(segment, snapshot: snapshot, receivedAt: received) } catch {
                throw ValidationError("\(file): \(error) — nothing was stored")
            }
            let receipt = try await stores.spData.append([outcome.segment], receivedAt: received)
            let elapsed = ContinuousClock.now - started
            let seconds = elapsed.seconds
            print(
                "\(file): \(segment.settlementDate) \(segment.gspGroup.rawValue), \(outcome.acceptedValues) values accepted as "
                    + "version \(receipt.version), \(outcome.refusals.count) refused, "
                    + "\(Int(Double(segment.rowCount * segment.periodCount) / max(seconds, 1e-9))) values/s")
            for refusal in outcome.refusals {
                refusals +=
                    "\(file),\(refusal.code.rawValue),\(csvField(refusal.code.text)),\(refusal.mpan),\(refusal.period.map(String.init) ?? "")\n"
            }
        }
        if let rejections { try Data(refusals.utf8).write(to: URL(fileURLWithPath: rejections)) }
    }
}
