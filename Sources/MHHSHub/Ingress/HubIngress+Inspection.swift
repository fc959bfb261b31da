import MHHSCore
import MHHSMessages

extension HubIngress {
    /// A message that passed the checks that need nothing but itself, waiting to be routed.
    struct Checked: Sendable {
        let fields: MessageFields
        let interface: String
        let event: String
        let reference: String
        let primary: [String]
        let mpan: MPAN?
        /// The local settlement date of `senderTimestamp`: the date recipients are resolved for.
        let date: SettlementDate
    }

    enum Inspection: Sendable {
        case checked(Checked)
        case accepted(IncomingMessage)
        case rejected(StandardResponse.Entry)
    }

    /// One message's own checks, in the order a sender can act on: its shape, its channel, its
    /// sender's role, its timestamp, its primary recipients. Pure: runs in parallel.
    func check(
        _ value: JSONValue, source: (body: [UInt8], range: Range<Int>)?, channel: String, route: InterfaceRoute, caller: HubParticipant,
        snapshot: ParticipantRegistry.Snapshot,
        now: UTCInstant
    ) -> Inspection {
        let fields = MessageFields(value, source: source)
        func reject(_ code: DIPResponseCode, _ help: String) -> Inspection {
            .rejected(failure(code, help: help, fields: fields, caller: caller, now: now))
        }
        if let violation = validate(value) { return reject(.schemaFailure, "\(violation.path): \(violation.reason)") }
        guard let fields, let interface = fields.interfaceID, let event = fields.eventCode,
            let reference = fields.senderReference, let timestamp = fields.senderTimestamp
        else { return reject(.schemaFailure, "payload.CommonBlock: S0 and S1 are required") }
        guard interface == channel else {
            return reject(.interfaceIDInvalid, "S0.interfaceID is \(interface) but the message was posted on channel \(channel)")
        }
        let role = caller.participant.role
        guard route.senders.contains(role) else {
            let allowed = route.senders.map(\.rawValue).sorted().joined(separator: ", ")
            return reject(.senderRoleInvalid, "role \(role.rawValue) may not send \(interface); senders are \(allowed)")
        }
        guard let sent = try? DIPDateTime(timestamp) else {
            return reject(.senderTimestampInvalid, "S1.senderTimestamp \(timestamp) is not a DIP date-time")
        }
        guard sent.instant.secondsSinceEpoch <= now.secondsSinceEpoch + configuration.allowedFutureSkewSeconds else {
            return reject(.senderTimestampInvalid, "S1.senderTimestamp \(timestamp) is in the future")
        }
        // Stored as a column and echoed in responses: printable text only (PostgreSQL refuses NUL).
        if let correlation = fields.correlationID, correlation.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return reject(.correlationIDInvalid, "S1.senderCorrelationID contains a control character")
        }
        let primary = fields.primaryRecipients
        if let unknown = primary.first(where: { (try? DIPID($0)).flatMap { snapshot.byDIPID[$0] } == nil }) {
            return reject(.primaryRecipientInvalid, "A0.primaryRecipients: \(unknown) is not a DIP participant")
        }
        let mpan = fields.mpanCore.flatMap { try? MPAN($0) }
        if !route.secondary.isEmpty, mpan == nil, primary.isEmpty {
            return reject(.secondaryRecipientMissingMPAN, "M0.MPANCore is needed to find the recipients of \(interface)")
        }
        return .checked(
            Checked(
                fields: fields, interface: interface, event: event, reference: reference, primary: primary, mpan: mpan,
                date: LocalSettlementPeriod(containing: sent.instant).date))
    }

    /// Routes every checked message, with one register read for all the MPANs the batch is
    /// routed by.
    func routeAll(
        _ inspections: [Inspection], route: InterfaceRoute, caller: HubParticipant, snapshot: ParticipantRegistry.Snapshot,
        now: UTCInstant
    ) async throws -> [Inspection] {
        var parties: [Int: MeteringPointParties] = [:]
        if !route.secondary.isEmpty, let appointments {
            let lookups: [(index: Int, key: (MPAN, SettlementDate))] = inspections.enumerated().compactMap { index, inspection in
                guard case .checked(let message) = inspection, let mpan = message.mpan else { return nil }
                return (index, (mpan, message.date))
            }
            let found = try await appointments.parties(of: lookups.map(\.key))
            for (lookup, party) in zip(lookups, found) { parties[lookup.index] = party }
        }
        return inspections.enumerated().map { index, inspection in
            guard case .checked(let message) = inspection else { return inspection }
            return self.route(message, route: route, parties: parties[index], caller: caller, snapshot: snapshot, now: now)
        }
    }

    /// Every recipient of a checked message, and the message as it will be published.
    func route(
        _ message: Checked, route: InterfaceRoute, parties: MeteringPointParties?, caller: HubParticipant,
        snapshot: ParticipantRegistry.Snapshot, now: UTCInstant
    ) -> Inspection {
        let secondary =
            route.secondary.isEmpty ? [] : resolve(route.secondary, parties: parties, fields: message.fields, snapshot: snapshot)
        let always = route.always.sorted { $0.rawValue < $1.rawValue }.flatMap { snapshot.byRole[$0] ?? [] }
        var recipients: [DIPID] = []
        var seen = Set<DIPID>()
        for id in message.primary.compactMap({ try? DIPID($0) }) + secondary + always where seen.insert(id).inserted {
            recipients.append(id)
        }
        guard !recipients.isEmpty else {
            let code: DIPResponseCode = route.secondary.isEmpty ? .routingError : .secondaryRecipientUnresolved
            let help =
                route.secondary.isEmpty
                ? "no recipient: name one in A0.primaryRecipients"
                : "no participant is registered for \(route.secondary.map(\.rawValue).sorted().joined(separator: "/")) of MPAN \(message.fields.mpanCore ?? "?")"
            return .rejected(failure(code, help: help, fields: message.fields, caller: caller, now: now))
        }
        return .accepted(
            IncomingMessage(
                interfaceID: message.interface, eventCode: message.event, sender: caller.participant.dipID,
                senderRole: caller.participant.role, senderReference: message.reference, correlationID: message.fields.correlationID,
                mpan: message.mpan,
                body: message.fields.published(primary: message.primary, secondary: secondary.map(\.value), always: always.map(\.value)),
                recipients: recipients))
    }

    /// The MPAN's parties in the route's secondary roles, as DIP ids. The LDSO is the message's
    /// own `M0.distributorDIPID` when that is a participant; the others come from the register.
    private func resolve(
        _ roles: Set<DIPRole>, parties: MeteringPointParties?, fields: MessageFields, snapshot: ParticipantRegistry.Snapshot
    ) -> [DIPID] {
        var found: [DIPID] = []
        var needRegister = roles
        if roles.contains(.distributor), let id = fields.distributorDIPID.flatMap({ try? DIPID($0) }), snapshot.byDIPID[id] != nil {
            found.append(id)
            needRegister.remove(.distributor)
        }
        guard let parties else { return found }
        for role in needRegister.sorted(by: { $0.rawValue < $1.rawValue }) {
            if let mpid = parties.party(in: role), let id = snapshot.directory.dipID(of: mpid, role: role) { found.append(id) }
        }
        return found
    }
}
