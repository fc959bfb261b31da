import MHHSCore
import MHHSMessages

extension HubIngress {
    enum Inspection {
        case accepted(IncomingMessage)
        case rejected(StandardResponse.Entry)
    }

    /// One message's checks, in the order a sender can act on: its shape, its channel, its
    /// sender's role, its timestamp, then where it goes.
    func inspect(
        _ value: JSONValue, channel: String, route: InterfaceRoute, caller: HubParticipant, snapshot: ParticipantRegistry.Snapshot,
        now: UTCInstant
    ) async throws -> Inspection {
        let fields = MessageFields(value)
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

        let primary = fields.primaryRecipients
        if let unknown = primary.first(where: { (try? DIPID($0)).flatMap { snapshot.byDIPID[$0] } == nil }) {
            return reject(.primaryRecipientInvalid, "A0.primaryRecipients: \(unknown) is not a DIP participant")
        }
        let mpan = fields.mpanCore.flatMap { try? MPAN($0) }
        var secondary: [DIPID] = []
        if !route.secondary.isEmpty {
            if let mpan {
                let date = LocalSettlementPeriod(containing: sent.instant).date
                secondary = try await resolve(route.secondary, mpan: mpan, date: date, fields: fields, snapshot: snapshot)
            } else if primary.isEmpty {
                return reject(.secondaryRecipientMissingMPAN, "M0.MPANCore is needed to find the recipients of \(interface)")
            }
        }
        let always = route.always.sorted { $0.rawValue < $1.rawValue }.flatMap { snapshot.byRole[$0] ?? [] }
        let primaryIDs = primary.compactMap { try? DIPID($0) }
        var recipients: [DIPID] = []
        var seen = Set<DIPID>()
        for id in primaryIDs + secondary + always where seen.insert(id).inserted { recipients.append(id) }
        guard !recipients.isEmpty else {
            if route.secondary.isEmpty {
                return reject(.routingError, "no recipient: name one in A0.primaryRecipients")
            }
            return reject(
                .secondaryRecipientUnresolved,
                "no participant is registered for \(route.secondary.map(\.rawValue).sorted().joined(separator: "/")) of MPAN \(fields.mpanCore ?? "?")"
            )
        }
        return .accepted(
            IncomingMessage(
                interfaceID: interface, eventCode: event, sender: caller.participant.dipID, senderRole: role,
                senderReference: reference, correlationID: fields.correlationID, mpan: mpan,
                body: fields.published(primary: primary, secondary: secondary.map(\.value), always: always.map(\.value)),
                recipients: recipients))
    }

    /// The MPAN's parties in the route's secondary roles on the date, as DIP ids. The LDSO is
    /// the message's own `M0.distributorDIPID` when that is a participant; the others come from
    /// the register.
    private func resolve(
        _ roles: Set<DIPRole>, mpan: MPAN, date: SettlementDate, fields: MessageFields, snapshot: ParticipantRegistry.Snapshot
    ) async throws -> [DIPID] {
        var found: [DIPID] = []
        var needRegister = roles
        if roles.contains(.distributor), let id = fields.distributorDIPID.flatMap({ try? DIPID($0) }), snapshot.byDIPID[id] != nil {
            found.append(id)
            needRegister.remove(.distributor)
        }
        guard !needRegister.isEmpty, let appointments, let parties = try await appointments.parties(of: mpan, on: date) else {
            return found
        }
        for role in needRegister.sorted(by: { $0.rawValue < $1.rawValue }) {
            if let mpid = parties.party(in: role), let id = snapshot.directory.dipID(of: mpid, role: role) { found.append(id) }
        }
        return found
    }
}
