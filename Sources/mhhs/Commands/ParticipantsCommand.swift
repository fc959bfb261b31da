import ArgumentParser
import MHHSCore
import MHHSMessages

/// `mhhs participants add|list`: the participant registry (DIP id, MPID, role).
struct ParticipantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: "The DIP participant registry: who is on the hub under which DIP id and role.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add (or replace) a participant.")

        @Option(help: "The 10-digit DIP participant id.")
        var dipId: String

        @Option(help: "The market participant id (4 letters).")
        var mpid: String

        @Option(help: "The DIP role: SUP, REGS, SDS, ADS, UMSDS, MSS, MSA, UMSO, LDSO, MDS, LSS, ISD, ECS, …")
        var role: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            do {
                _ = try DIPID(dipId)
                _ = try MPID(mpid)
                _ = try DIPRole(code: role)
            } catch {
                throw ValidationError("\(error)")
            }
        }

        func run() async throws {
            let participant = Participant(dipID: try DIPID(dipId), mpid: try MPID(mpid), role: try DIPRole(code: role))
            try await store.withStores { try await $0.participants.save(participant) }
            print("\(participant.dipID) \(participant.mpid) \(participant.role.rawValue)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the participants.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            for participant in try await store.withStores({ try await $0.participants.participants() }) {
                print("\(participant.dipID) \(participant.mpid) \(participant.role.rawValue)")
            }
        }
    }
}
