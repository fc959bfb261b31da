import ArgumentParser
import MHHSCore
import MHHSSettlement
import MHHSStorage

/// `mhhs runs list [--date D]`.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "Settlement runs.", subcommands: [RunsListCommand.self], defaultSubcommand: RunsListCommand.self)
}

struct RunsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, oldest first; '*' marks each date's latest.")

    @Option(help: "Only this settlement date.")
    var date: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withSettlementStores { stores in
            let manifests = try await stores.runs.runs(on: try date.map { try SettlementDate($0) })
            var latest: [SettlementDate: String] = [:]
            for manifest in manifests { latest[manifest.settlementDate] = manifest.id }
            print("id,settlement_date,run,number,run_at,sp_data_version,volumes_sha256,latest")
            for manifest in manifests {
                print(
                    "\(manifest.id),\(manifest.settlementDate),\(manifest.runType.rawValue),\(manifest.runNumber),\(manifest.runAt),"
                        + "\(manifest.spDataVersion),\(manifest.results[SettlementRunFiles.volumes] ?? ""),"
                        + (latest[manifest.settlementDate] == manifest.id ? "*" : ""))
            }
        }
    }
}
