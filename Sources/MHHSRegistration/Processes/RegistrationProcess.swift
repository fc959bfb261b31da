import MHHSCore
import MHHSMessages

/// The Registration Service's processes as a pure function: a request, who sent it and the
/// MPAN's recorded history in; the assertions to record and the messages to send out, or a
/// rejection with its code. No I/O and no clock: ``RegistrationService`` does that around it.
public enum RegistrationProcess {
    public static func handle(
        _ request: RegistrationRequest,
        from sender: RequestSender,
        history: [RegisterAssertion],
        appointments: [PendingAppointment] = [],
        context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        var outcome = try decide(request, from: sender, history: history, appointments: appointments, context: context)
        outcome.decidedAt = context.now
        return outcome
    }

    static func decide(
        _ request: RegistrationRequest, from sender: RequestSender, history: [RegisterAssertion], appointments: [PendingAppointment],
        context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        switch request {
        case .initialRegistration(let registration):
            try initialRegistration(registration, from: sender, history: history, context: context)
        case .changeOfSupplier(let change):
            try changeOfSupplier(change, from: sender, history: history, context: context)
        case .change(let change):
            try DataItemChangeProcess.handle(change, from: sender, history: history, context: context)
        case .appointment(let appointment):
            try AppointmentProcess.request(appointment, from: sender, history: history, pending: appointments, context: context)
        case .appointmentResponse(let response):
            try AppointmentProcess.response(response, from: sender, history: history, pending: appointments, context: context)
        case .appointmentLapse(_, let id):
            try AppointmentProcess.lapse(appointmentID: id, history: history, pending: appointments, context: context, sender: sender)
        }
    }

    static func initialRegistration(
        _ request: InitialRegistration, from sender: RequestSender, history: [RegisterAssertion], context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        let facts = request.facts
        guard sender.role == .supplier, facts.supplier == sender.participant else {
            throw .notRegisteredSupplier(
                "\(sender.participant) (\(sender.role.rawValue)) cannot register \(request.mpan) for \(facts.supplier.map(\.value) ?? "no supplier")"
            )
        }
        guard history.isEmpty else { throw .duplicate("MPAN \(request.mpan) is already registered") }
        try RegistrationRules.checkComplete(facts)
        try RegistrationRules.checkArea(mpan: request.mpan, group: request.gspGroup, distributor: facts.distributor!)
        try RegistrationRules.checkConsistent(facts)
        let assertion = RegisterAssertion(
            mpan: request.mpan, gspGroup: request.gspGroup, effectiveFrom: request.effectiveFrom, recordedAt: context.now,
            mask: .all, facts: facts, source: "IF-001 InitialRegistration")
        let view = MeteringPointView(mpan: request.mpan, assertions: [assertion], on: request.effectiveFrom, asKnownAt: context.now)!
        let supplier = (facts.supplier!, try context.dipID(facts.supplier!, .supplier))
        let distributor = try context.dipID(facts.distributor!, .distributor)
        let builder = RegistrationMessages(context: context, view: view, distributorDIPID: distributor)
        let if001 = try builder.if001(event: "InitialRegistration", incoming: supplier, outgoing: nil, index: 1)
        return RegistrationOutcome(
            assertions: [assertion],
            messages: [
                OutboundMessage(recipient: supplier.1, recipientRole: .supplier, message: if001),
                OutboundMessage(recipient: context.marketwideDataService, recipientRole: .marketwideDataService, message: if001),
                OutboundMessage(recipient: distributor, recipientRole: .distributor, message: if001),
                OutboundMessage(recipient: supplier.1, recipientRole: .supplier, message: try builder.if002(index: 2)),
            ])
    }

    static func changeOfSupplier(
        _ request: ChangeOfSupplier, from sender: RequestSender, history: [RegisterAssertion], context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard sender.role == .supplier, sender.participant == request.newSupplier else {
            throw .notRegisteredSupplier(
                "only the gaining supplier \(request.newSupplier) may ask for its change of supplier, not \(sender.participant)")
        }
        guard !request.cssRegistrationID.isEmpty, request.cssRegistrationID.count <= 36 else {
            throw .malformed("a CSS registration id is 1–36 characters")
        }
        guard let group = history.first?.gspGroup else { throw .unknownMPAN(request.mpan.description) }
        guard let before = MeteringPointView(mpan: request.mpan, assertions: history, on: request.effectiveFrom, asKnownAt: context.now),
            let outgoing = before.facts.supplier
        else { throw .unknownMPAN("\(request.mpan) on \(request.effectiveFrom)") }
        guard outgoing != request.newSupplier else {
            throw .duplicate("\(request.newSupplier) is already the supplier of \(request.mpan) on \(request.effectiveFrom)")
        }
        var facts = MeteringPointFacts()
        facts.supplier = request.newSupplier
        facts.cssRegistrationID = request.cssRegistrationID
        let assertion = RegisterAssertion(
            mpan: request.mpan, gspGroup: group, effectiveFrom: request.effectiveFrom, recordedAt: context.now, mask: .supplier,
            facts: facts, source: "IF-001 ChangeOfSupplier")
        let view = MeteringPointView(
            mpan: request.mpan, assertions: history + [assertion], on: request.effectiveFrom, asKnownAt: context.now)!
        guard let distributorMPID = view.facts.distributor else { throw .missing("\(request.mpan) has no LDSO") }
        let distributor = try context.dipID(distributorMPID, .distributor)
        let incoming = (request.newSupplier, try context.dipID(request.newSupplier, .supplier))
        let outgoingID = try context.dipID(outgoing, .supplier)
        let builder = RegistrationMessages(context: context, view: view, distributorDIPID: distributor)
        let if001 = try builder.if001(event: "ChangeOfSupplier", incoming: incoming, outgoing: (outgoing, outgoingID), index: 1)
        return RegistrationOutcome(
            assertions: [assertion],
            messages: [
                OutboundMessage(recipient: incoming.1, recipientRole: .supplier, message: if001),
                OutboundMessage(recipient: outgoingID, recipientRole: .supplier, message: if001),
                OutboundMessage(recipient: context.marketwideDataService, recipientRole: .marketwideDataService, message: if001),
                OutboundMessage(recipient: distributor, recipientRole: .distributor, message: if001),
                OutboundMessage(recipient: incoming.1, recipientRole: .supplier, message: try builder.if002(index: 2)),
            ])
    }
}
