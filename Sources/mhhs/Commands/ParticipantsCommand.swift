import ArgumentParser
import Foundation
import MHHSCore
import MHHSHub
import MHHSMessages

/// `mhhs participants add|list`: the participant registry (DIP id, MPID, role) and each
/// participant's hub credentials.
struct ParticipantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: "The DIP participant registry: who is on the hub under which DIP id and role.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add (or replace) a participant and issue its API key.",
            discussion: """
                Prints the participant and a new API key on the second line. The key is shown once: \
                the hub stores only its SHA-256. Adding a participant again issues a new key and \
                revokes the old one.
                """)

        @Option(help: "The 10-digit DIP participant id.")
        var dipId: String

        @Option(help: "The market participant id (4 letters).")
        var mpid: String

        @Option(help: "The DIP role: SUP, REGS, SDS, ADS, UMSDS, MSS, MSA, UMSO, LDSO, MDS, LSS, ISD, ECS, …")
        var role: String

        @Option(help: "Where the hub pushes this participant's messages (http or https URL); without one it pulls.")
        var webhook: String?

        @Option(help: "A PEM file with the participant's RSA public key: its calls must then carry DIP signatures.")
        var publicKey: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            do {
                _ = try DIPID(dipId)
                _ = try MPID(mpid)
                _ = try DIPRole(code: role)
            } catch {
                throw ValidationError("\(error)")
            }
            if let webhook {
                guard let url = URL(string: webhook), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                    throw ValidationError("--webhook must be an http or https URL, not '\(webhook)'")
                }
            }
        }

        func run() async throws {
            let participant = Participant(dipID: try DIPID(dipId), mpid: try MPID(mpid), role: try DIPRole(code: role))
            let pem = try publicKey.map { try String(contentsOfFile: $0, encoding: .utf8) }
            let key = APIKey.generate()
            let entry = HubParticipant(participant: participant, apiKeyHash: APIKey.hash(key), webhookURL: webhook, signingKeyPEM: pem)
            try await store.withStores { try await $0.hub.save(entry) }
            print("\(participant.dipID) \(participant.mpid) \(participant.role.rawValue)")
            print(key)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the participants.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            for entry in try await store.withStores({ try await $0.hub.hubParticipants() }) {
                let participant = entry.participant
                var line = "\(participant.dipID) \(participant.mpid) \(participant.role.rawValue)"
                line += entry.webhookURL.map { " webhook=\($0)" } ?? " pull"
                if entry.signingKeyPEM != nil { line += " signed" }
                if entry.apiKeyHash == nil { line += " no-key" }
                print(line)
            }
        }
    }
}
