import ArgumentParser
import MHHSCore
import MHHSStandingData
import MHHSStorage

/// `mhhs llf --ldso LOND --llfc 1 --date 2026-10-25`: the factors of one class on one date.
struct LLFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llf",
        abstract: "Print the line loss factor of every settlement period of a date ('SP factor' lines).")

    @Option(help: "The distributor's MPID, e.g. LOND.")
    var ldso: String

    @Option(help: "The LLF class id, as the D0265 file writes it.")
    var llfc: String

    @Option(help: "The settlement date, YYYY-MM-DD.")
    var date: String

    @OptionGroup var store: StoreOptions

    func validate() throws {
        do { _ = try MPID(ldso) } catch { throw ValidationError("\(error)") }
        do { _ = try SettlementDate(date) } catch { throw ValidationError("\(error)") }
    }

    func run() async throws {
        let settlementDate = try SettlementDate(date)
        let distributor = try MPID(ldso)
        let found = try await store.withStandingData { [llfc] repository in
            try await repository.lineLossFactors(distributor: distributor, llfClass: llfc, date: settlementDate)
        }
        guard let day = found else {
            throw NotFound(
                "no line loss factors for \(ldso) class \(llfc) on \(date); import them with 'mhhs standing-data import --llf FILE'")
        }
        for (index, factor) in day.factors.enumerated() {
            print("\(index + 1) \(factor)")
        }
    }
}

/// Something the user asked for is not stored.
struct NotFound: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
