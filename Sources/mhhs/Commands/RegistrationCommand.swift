import ArgumentParser
import Foundation
import MHHSCore
import MHHSRegistration
import MHHSStorage

/// `mhhs registration …`: the Registration Service's register.
struct RegistrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registration",
        abstract: "Load and query the bitemporal register of metering points.",
        subcommands: [
            RegistrationImportCommand.self, Show.self, History.self, Snapshot.self, RegistrationSubmitCommand.self,
            RegistrationOutboxCommand.self,
        ]
    )

    /// `mhhs registration show MPAN --on DATE [--as-known-at INSTANT]`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The registration of one MPAN on a date, as known at an instant.")

        @Argument(help: "The 13-digit MPAN core.")
        var mpan: String

        @Option(help: "The settlement date, YYYY-MM-DD.")
        var on: String

        @Option(help: "What the register knew at this instant (YYYY-MM-DD or a DIP date-time); default now.")
        var asKnownAt: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let core = try MPAN(mpan)
            let date = try SettlementDate(on)
            let instant = try asKnownAt.map(parseInstant) ?? SystemClock.now
            try await store.withRegister { repository in
                guard let group = try await repository.gspGroup(of: core) else { throw RegistrationError.unknownMPAN(mpan) }
                guard let state = try await repository.state(of: core, on: date, asKnownAt: instant) else {
                    throw NotFound("MPAN \(mpan) has no registration effective on \(date) as known at \(instant)")
                }
                print("MPAN \(core) (GSP group \(group.rawValue) \(group.name)) on \(date) as known at \(instant)")
                for (name, value) in state.describe() { print("  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(value)") }
            }
        }
    }

    /// `mhhs registration history MPAN`
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every recorded change of one MPAN, in both times.")

        @Argument(help: "The 13-digit MPAN core.")
        var mpan: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let core = try MPAN(mpan)
            let history = try await store.withRegister { try await $0.history(of: core) }
            guard !history.entries.isEmpty else { throw RegistrationError.unknownMPAN(mpan) }
            print("MPAN \(core): \(history.entries.count) recorded changes (validity as known now)")
            for entry in history.entries {
                let assertion = entry.assertion
                print(
                    "#\(assertion.sequence) recorded \(assertion.recordedAt) by \(assertion.source); effective from \(assertion.effectiveFrom)"
                )
                for fact in entry.facts {
                    let validity: String
                    if let replacement = fact.supersededBy {
                        validity = "corrected by #\(replacement)"
                    } else {
                        validity = "valid \(assertion.effectiveFrom) – \(fact.validTo.map(\.description) ?? "open")"
                    }
                    print("  \(fact.name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(fact.value)  [\(validity)]")
                }
            }
        }
    }

    /// `mhhs registration snapshot --group _C --on DATE [--as-known-at INSTANT]`
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Summarise a GSP group's register on a date, as the VAS reads it.")

        @Option(help: "The GSP group, e.g. _C.")
        var group: String

        @Option(help: "The settlement date, YYYY-MM-DD.")
        var on: String

        @Option(help: "What the register knew at this instant; default now.")
        var asKnownAt: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let gspGroup = try GSPGroup(code: group)
            let date = try SettlementDate(on)
            let instant = try asKnownAt.map(parseInstant) ?? SystemClock.now
            let (snapshot, elapsed) = try await store.withRegister { repository in
                let started = ContinuousClock.now
                let snapshot = try await repository.snapshot(of: gspGroup, on: date, asKnownAt: instant)
                return (snapshot, ContinuousClock.now - started)
            }
            print(
                "GSP group \(gspGroup.rawValue) on \(date) as known at \(instant): \(snapshot.count) metering points (read in \(String(format: "%.3f", elapsed.seconds)) s)"
            )
            var perArrangement: [String: Int] = [:]
            for code in snapshot.arrangement {
                let name = code == RegisterSnapshot.absent ? "unknown" : SettlementArrangement.allCases[Int(code)].rawValue
                perArrangement[name, default: 0] += 1
            }
            for (name, count) in perArrangement.sorted(by: { $0.key < $1.key }) { print("  \(name): \(count)") }
            var perSupplier: [Int32: Int] = [:]
            for supplier in snapshot.supplier { perSupplier[supplier, default: 0] += 1 }
            print("  suppliers: \(perSupplier.count)")
        }
    }
}
