import ArgumentParser
import Foundation
import MHHSCore
import MHHSSettlement
import MHHSStandingData
import MHHSStorage

/// `mhhs take import FILE.csv`: GSP group takes for correction.
struct TakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "GSP group takes.", subcommands: [TakeImportCommand.self])
}

struct TakeImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import takes: CSV with columns settlement_date,gsp_group,sp,direction,kwh (all or nothing).",
        discussion: "direction is import or export (I/E); kwh has at most three decimals. A later import of the same "
            + "date, group, period and direction supersedes the earlier one for runs made after it.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "When the takes count as known (default now).")
    var recordedAt: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withSettlementStores { stores in
            let takes = try GroupTakeCSV.parse(try String(contentsOfFile: file, encoding: .utf8), source: file)
            try await stores.takes.recordTakes(takes, recordedAt: try recordedAt.map(parseInstant) ?? SystemClock.now)
            print("imported \(takes.count) takes from \(file)")
        }
    }
}
