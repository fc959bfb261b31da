import ArgumentParser
import Foundation
import MHHSCore
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

    @Argument(help: "IF-021 files: a JSON array of DIP messages, or JSON Lines.")
    var files: [String]

    @Option(help: "When the data counts as received (default now): runs made later see it.")
    var receivedAt: String?

    @Option(help: "Write the refusals to this file as CSV.")
    var rejections: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let receivedAt { _ = try parseInstant(receivedAt) }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() async throws {
        let stores = try SettlementStores(store)
        let received = try receivedAt.map(parseInstant) ?? SystemClock.now
        var refusals = "file,code,text,message,sender_reference,mpan,day,sp,detail\n"
        var totalRefused = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let items: [IF021Decoder.Item]
            do { items = try IF021Decoder.decode(bytes) } catch { throw ValidationError("\(file): \(error)") }
            let lookup = try await RegisterDayLookup.load(for: items, register: stores.register, asKnownAt: received)
            let outcome = MDSIngest().run(items, receivedAt: received) { lookup.day(of: $0, on: $1) }
            let receipt = try await stores.spData.append(outcome.segments, receivedAt: received)
            print(
                "\(file): \(outcome.messages) messages, \(outcome.acceptedValues) values accepted as version \(receipt.version) "
                    + "in \(receipt.segments.count) segments, \(outcome.rejections.count) refused")
            for rejection in outcome.rejections {
                refusals +=
                    [
                        file, rejection.code.rawValue, rejection.code.text, String(rejection.position + 1),
                        rejection.senderUniqueReference ?? "", rejection.mpan ?? "", rejection.dayStart?.text ?? "",
                        rejection.periodEnd?.text ?? "", rejection.detail,
                    ].map(csvField).joined(separator: ",") + "\n"
            }
            totalRefused += outcome.rejections.count
            for rejection in outcome.rejections.prefix(20) { print("  \(rejection)") }
            if outcome.rejections.count > 20 { print("  … \(outcome.rejections.count - 20) more") }
        }
        if let rejections { try Data(refusals.utf8).write(to: URL(fileURLWithPath: rejections)) }
    }
}

/// Quotes a CSV field when it needs it.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// The register facts MDS checks, read once for every MPAN of an ingest.
struct RegisterDayLookup: Sendable {
    let histories: [Int64: [RegisterAssertion]]
    let group: [Int64: GSPGroup]
    let asKnownAt: UTCInstant

    static func load(for items: [IF021Decoder.Item], register: any RegisterRepository, asKnownAt: UTCInstant) async throws
        -> RegisterDayLookup
    {
        var mpans: [MPAN] = []
        var seen: Set<Int64> = []
        for case .submission(let submission) in items where seen.insert(submission.mpan.value).inserted { mpans.append(submission.mpan) }
        var histories: [Int64: [RegisterAssertion]] = [:]
        var groups: [Int64: GSPGroup] = [:]
        for chunk in stride(from: 0, to: mpans.count, by: 10_000) {
            let part = Array(mpans[chunk..<min(chunk + 10_000, mpans.count)])
            for (mpan, history) in zip(part, try await register.assertions(for: part)) where !history.isEmpty {
                histories[mpan.value] = history
                groups[mpan.value] = history.first?.gspGroup
            }
        }
        return RegisterDayLookup(histories: histories, group: groups, asKnownAt: asKnownAt)
    }

    func day(of mpan: MPAN, on date: SettlementDate) -> MeteringPointDay? {
        guard let history = histories[mpan.value], let group = group[mpan.value],
            let facts = RegisterFold.state(of: history, on: date, asKnownAt: asKnownAt)
        else { return nil }
        return MeteringPointDay(
            gspGroup: group, settledInMHHS: facts.arrangement == .mhhs && facts.supplier != nil,
            deEnergised: facts.energisation == .deEnergised)
    }
}
