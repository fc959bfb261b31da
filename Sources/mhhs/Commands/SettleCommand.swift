import ArgumentParser
import Foundation
import MHHSCore
import MHHSSettlement
import MHHSStandingData
import MHHSStorage

/// `mhhs settle --date D --run SF`: one VAS run.
struct SettleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Run the VAS for a settlement date: an immutable run with a manifest, marked the latest for the date.",
        subcommands: [SettleRunCommand.self, SettleDiffCommand.self], defaultSubcommand: SettleRunCommand.self)
}

struct SettleRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Settle one date (the default subcommand).")

    @Option(help: "The settlement date, YYYY-MM-DD.")
    var date: String

    @Option(help: "The run type: II, SF, R1, R2, R3, RF or DF.")
    var run: String

    @Option(help: "The run's time (default now): the register as known then, and SP data and takes received by then.")
    var at: String?

    @Option(help: "[A] The LLF used where a distributor's class has none for the date.")
    var defaultLlf: String = "1"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        _ = try SettlementDate(date)
        guard SettlementRunType(rawValue: run) != nil else {
            throw ValidationError("unknown run type \(run): use II, SF, R1, R2, R3, RF or DF")
        }
        if let at { _ = try parseInstant(at) }
        guard defaultLLF != nil else { throw ValidationError("--default-llf must be a factor such as 1 or 1.05") }
    }

    private var defaultLLF: Int64? { LineLossFactor(text: defaultLlf)?.millionths }

    func run() async throws {
        try await store.withSettlementStores { stores in
            let configuration = VASConfiguration(defaultLLFMillionths: defaultLLF!)
            let started = ContinuousClock.now
            let stored = try await stores.runner(configuration: configuration).run(
                date: try SettlementDate(date), type: SettlementRunType(rawValue: run)!, at: try at.map(parseInstant) ?? SystemClock.now)
            let elapsed = ContinuousClock.now - started
            print("run \(stored.manifest.id) (SP data version \(stored.manifest.spDataVersion)) in \(elapsed)")
            let statistics = String(decoding: stored.files[SettlementRunFiles.statistics] ?? [], as: UTF8.self)
            print(statistics, terminator: "")
            for (name, digest) in stored.manifest.results.sorted(by: { $0.key < $1.key }) { print("\(name) sha256 \(digest)") }
        }
    }
}
