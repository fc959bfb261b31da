import Logging
import MHHSCore
import MHHSMessages
import Metrics

/// Schema validation as the hub uses it: nil when valid, else the failing field and rule.
public typealias DIPMessageValidator = @Sendable (JSONValue) -> (path: String, reason: String)?

/// The hub's front door: takes the body of one `POST /dip-channel/{id}` from an authenticated
/// participant, validates and routes each message, persists the accepted ones, and answers per
/// message in the specification's form.
///
/// Nothing is acknowledged before `HubStore.accept` has committed it.
public struct HubIngress: Sendable {
    public let configuration: HubConfiguration
    public let store: any HubStore
    public let participants: ParticipantRegistry
    public let appointments: (any AppointedParties)?
    public let validate: DIPMessageValidator
    public let logger: Logger

    public init(
        configuration: HubConfiguration, store: any HubStore, participants: ParticipantRegistry,
        appointments: (any AppointedParties)?, validate: @escaping DIPMessageValidator, logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.participants = participants
        self.appointments = appointments
        self.validate = validate
        self.logger = logger
    }

    public func submit(channel: String, body: some Collection<UInt8>, from caller: HubParticipant, now: UTCInstant) async throws
        -> IngressReply
    {
        let bytes = Array(body)
        let elements: [(value: JSONValue, range: Range<Int>)]
        do {
            elements = try JSONParser.parseElements(bytes, maximumElements: configuration.maximumMessagesPerRequest)
        } catch {
            if error.reason.hasPrefix("more than") {
                return IngressReply(
                    status: 413, response: nil,
                    problem: "more than \(configuration.maximumMessagesPerRequest) messages in one request")
            }
            return reply(400, [failure(.schemaFailure, help: error.description, fields: nil, caller: caller, now: now)])
        }
        let messages = elements.map(\.value)
        guard !messages.isEmpty else {
            return reply(
                400,
                [
                    failure(
                        .schemaFailure, help: "the body must be a non-empty JSON array of messages", fields: nil, caller: caller, now: now)
                ])
        }
        guard messages.count <= configuration.maximumMessagesPerRequest else {
            return IngressReply(
                status: 413, response: nil,
                problem: "\(messages.count) messages in one request; the limit is \(configuration.maximumMessagesPerRequest)")
        }
        if let claim = impersonation(in: messages, by: caller) { return IngressReply(status: 403, response: nil, problem: claim) }
        guard let route = configuration.routes[channel] else {
            let help = "\(channel) is not an interface this hub carries"
            return reply(
                400, messages.map { failure(.interfaceIDInvalid, help: help, fields: MessageFields($0), caller: caller, now: now) })
        }

        let snapshot = try await participants.snapshot(now: now)
        // Each request is checked on one core: spreading one request's messages over both cores
        // measured no faster (docs/HUB.md); concurrent requests use both.
        let checked = elements.map {
            check($0.value, source: (bytes, $0.range), channel: channel, route: route, caller: caller, snapshot: snapshot, now: now)
        }
        let inspections = try await routeAll(checked, route: route, caller: caller, snapshot: snapshot, now: now)
        var entries: [StandardResponse.Entry?] = Array(repeating: nil, count: messages.count)
        var incoming: [(index: Int, message: IncomingMessage)] = []
        for (index, inspection) in inspections.enumerated() {
            switch inspection {
            case .rejected(let entry): entries[index] = entry
            case .accepted(let message): incoming.append((index, message))
            case .checked: preconditionFailure("every checked message is routed")
            }
        }
        if !incoming.isEmpty {
            let outcomes = try await store.accept(incoming.map(\.message), at: now)
            for ((index, message), outcome) in zip(incoming, outcomes) {
                switch outcome {
                case .accepted(let transactionID):
                    entries[index] = entry(
                        .success, transactionID: transactionID, help: nil, reference: message.senderReference,
                        correlation: message.correlationID, caller: caller, now: now)
                case .duplicate(let original):
                    entries[index] = entry(
                        .senderReferenceDuplicated, transactionID: nil,
                        help: "senderUniqueReference \(message.senderReference) was already accepted as \(original)",
                        reference: message.senderReference, correlation: message.correlationID, caller: caller, now: now)
                }
            }
        }
        let all = entries.compactMap { $0 }
        let accepted = all.filter { $0.code == .success }.count
        Counter(label: "mhhs_hub_messages_accepted_total", dimensions: [("interface", channel)]).increment(by: accepted)
        Counter(label: "mhhs_hub_messages_refused_total", dimensions: [("interface", channel)]).increment(by: all.count - accepted)
        return reply(accepted == all.count ? 201 : accepted == 0 ? 400 : 207, all)
    }

    /// A message that names a sender other than the caller: the whole request is refused (403),
    /// since a participant may only ever send as itself.
    private func impersonation(in messages: [JSONValue], by caller: HubParticipant) -> String? {
        for (index, value) in messages.enumerated() {
            guard let fields = MessageFields(value) else { continue }
            if let sender = fields.senderDIPID, sender != caller.participant.dipID.value {
                return "message \(index + 1) claims senderDIPID \(sender); this API key belongs to \(caller.participant.dipID.value)"
            }
            if let role = fields.senderRoleID, role != caller.participant.role.rawValue {
                return
                    "message \(index + 1) claims senderRoleID \(role); participant \(caller.participant.dipID.value) acts as \(caller.participant.role.rawValue)"
            }
        }
        return nil
    }

    private func reply(_ status: Int, _ entries: [StandardResponse.Entry]) -> IngressReply {
        IngressReply(status: status, response: StandardResponse(messageArray: entries, timestamp: entries.first?.sentTimestamp ?? ""))
    }

    func failure(_ code: DIPResponseCode, help: String, fields: MessageFields?, caller: HubParticipant, now: UTCInstant)
        -> StandardResponse.Entry
    {
        entry(
            code, transactionID: nil, help: help, reference: fields?.senderReference, correlation: fields?.correlationID, caller: caller,
            now: now)
    }

    private func entry(
        _ code: DIPResponseCode, transactionID: String?, help: String?, reference: String?, correlation: String?,
        caller: HubParticipant, now: UTCInstant
    ) -> StandardResponse.Entry {
        StandardResponse.Entry(
            transactionID: transactionID, senderUniqueReference: reference, correlationID: correlation,
            sentTimestamp: DIPDateTime(now).text, senderID: configuration.hubDIPID.value, recipientID: caller.participant.dipID.value,
            message: code.message, help: help.map { String($0.prefix(500)) })
    }
}
