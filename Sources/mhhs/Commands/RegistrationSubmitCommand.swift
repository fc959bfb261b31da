import ArgumentParser
import Foundation
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration

/// `mhhs registration submit FILE.json`: hands DIP messages to the Registration Service as the
/// hub will, each from the participant its S1 block names.
struct RegistrationSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit DIP messages (IF-005, IF-007, IF-025, IF-031, IF-034, IF-040) to the Registration Service.",
        discussion: """
            FILE holds a JSON array of messages, as POST /dip-channel takes them. Each sender must be in \
            the participant registry (mhhs participants add) with the DIP id and role its S1 block names, \
            and so must REGS and MDS. Accepted messages put their answers in the outbox \
            (mhhs registration outbox); a rejected one prints its REG code and changes nothing.
            """)

    @Argument(help: "A JSON file with an array of DIP messages.")
    var file: String

    @Option(help: "The DIP environment tag written on outgoing messages (PRD, SITB, SIT, UIT, DEV).")
    var environment: String = "SIT"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ["PRD", "SITB", "SIT", "UIT", "DEV"].contains(environment) else {
            throw ValidationError("--environment must be one of PRD, SITB, SIT, UIT, DEV")
        }
    }

    func run() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let messages = try JSONDecoder().decode([DIPMessage].self, from: data)
        let environment = environment
        let rejected = try await store.withStores { stores in
            let participants = try await stores.hub.hubParticipants().map(\.participant)
            guard let regs = participants.first(where: { $0.role == .registrationService }),
                let mds = participants.first(where: { $0.role == .marketwideDataService })
            else { throw NotFound("register the REGS and MDS participants first (mhhs participants add --role REGS|MDS …)") }
            let service = RegistrationService(
                repository: stores.register, registrationService: regs.dipID, marketwideDataService: mds.dipID,
                directory: StaticParticipantDirectory(participants), environmentTag: environment, clock: { SystemClock.now })
            var rejected = 0
            for message in messages {
                let sender = message.payload.CommonBlock.S1
                let label = "\(message.payload.CommonBlock.S0.interfaceID) \(sender.senderUniqueReference)"
                do {
                    guard
                        let participant = participants.first(where: {
                            $0.dipID.value == sender.senderDIPID && $0.role.rawValue == sender.senderRoleID
                        })
                    else {
                        throw RegistrationError("REG0015", "no participant \(sender.senderDIPID) in role \(sender.senderRoleID)")
                    }
                    let outcome = try await service.submit(
                        message, from: RequestSender(participant: participant.mpid, role: participant.role))
                    print("\(label): accepted, \(outcome.assertions.count) register changes, \(outcome.messages.count) messages queued")
                } catch let error as RegistrationError {
                    rejected += 1
                    print("\(label): rejected \(error)")
                }
            }
            return rejected
        }
        if rejected > 0 { throw ExitCode(1) }
    }
}

/// `mhhs registration outbox`: the messages waiting for the hub.
struct RegistrationOutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outbox", abstract: "List the outbox (messages waiting for the hub).")

    @Option(help: "Only entries after this position.")
    var after: Int64 = 0

    @Option(help: "At most this many entries.")
    var limit: Int = 100

    @Flag(help: "Print each message's JSON too.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let entries = try await store.withRegister { try await $0.outbox(after: after, limit: limit) }
        for entry in entries {
            let message = entry.message
            print(
                "\(entry.sequence) \(message.interfaceID) \(message.eventCode) to \(message.recipient) (\(message.recipientRole.rawValue)) MPAN \(entry.mpan?.description ?? "-")"
            )
            if json { print(String(decoding: try DIPMessage.jsonArray([message.message]), as: UTF8.self)) }
        }
    }
}
