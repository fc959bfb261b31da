import MHHSCore
import MHHSMessages

/// Service-provider appointment: IF-031 → IF-032 + IF-033, IF-034 → IF-035 (+ IF-036, IF-037),
/// and lapse → IF-035 Lapsed.
enum AppointmentProcess {
    static func request(
        _ request: AppointmentRequest, from sender: RequestSender, history: [RegisterAssertion], pending: [PendingAppointment],
        context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard let view = MeteringPointView(mpan: request.mpan, assertions: history, on: request.effectiveFrom, asKnownAt: context.now)
        else { throw .unknownMPAN("\(request.mpan) on \(request.effectiveFrom)") }
        let migrating = AppointmentRequest.migrationScenarios.contains(request.scenario)
        guard sender.role == .supplier, view.facts.supplier == sender.participant else {
            let message = "\(sender.participant) is not the supplier of \(request.mpan) on \(request.effectiveFrom)"
            throw request.scenario == "MCA" ? RegistrationError("REG9005", message) : .notRegisteredSupplier(message)
        }
        if migrating, view.facts.arrangement == .mhhs {
            throw RegistrationError("REG9007", "\(request.mpan) is already settled under MHHS on \(request.effectiveFrom)")
        }
        // On a change of supplier the gaining supplier appoints its services before its supply starts.
        if request.scenario == "COS", let start = view.effectiveFrom(.supplier), context.now >= start.startInstant {
            throw RegistrationError("REG0013", "appointment requested after the supply start date \(start)")
        }
        guard let segment = view.facts.marketSegment else { throw .missing("\(request.mpan) has no market segment") }
        let expected: AppointmentRole =
            request.role.fact == .dataService ? .dataService(for: segment) : .meteringService(for: segment)
        guard [RegisterFact.dataService, .meteringService].contains(request.role.fact), request.role == expected else {
            throw .roleMismatch("segment \(segment) needs \(expected.rawValue), not \(request.role.rawValue)")
        }
        guard AppointmentRequest.scenarios.contains(request.scenario) else {
            throw .malformed(
                "appointment scenario '\(request.scenario)' is not one of \(AppointmentRequest.scenarios.sorted().joined(separator: ", "))")
        }
        if pending.contains(where: { $0.status == .pending && $0.role.fact == request.role.fact }) {
            throw .duplicate("an appointment for this role is already waiting for an answer")
        }
        let providerRole = DIPRole(rawValue: request.role.rawValue)!
        let providerID = try context.dipID(request.provider, providerRole)
        let supplierID = try context.dipID(sender.participant, .supplier)
        let from = DIPDateTime.startOf(request.effectiveFrom).text
        var proposal: [String: JSONValue]
        if request.role.fact == .dataService {
            proposal = [
                "proposedDataServiceDIPID": .string(providerID.value), "proposedDataServiceMPID": .string(request.provider.value),
                "proposedDataServiceDIPEffectiveFromDate": .string(from),
                "contractReferenceDataService": .string(request.contractReference),
                "appointmentScenario": .string(request.scenario), "supplierNominatedMDRDIPID": .null, "supplierNominatedMDRMPID": .null,
                "supplierNominatedMDREffectiveFromDate": .null, "supplierProposedConsentGranularity": .string(request.consentGranularity),
                "supplierProposedDomesticIndicator": .bool(view.facts.domesticPremise == .domestic),
                "traditionalFallBackReadFrequency": .null,
            ]
        } else {
            proposal = [
                "proposedMeteringServiceDIPID": .string(providerID.value), "proposedMeteringServiceMPID": .string(request.provider.value),
                "proposedMeteringServiceDIPEffectiveFromDate": .string(from),
                "contractReferenceMeteringService": .string(request.contractReference),
                "appointmentScenario": .string(request.scenario),
            ]
        }
        let appointment = PendingAppointment(
            id: "APP\(request.mpan)\(request.role.rawValue)\(context.now.secondsSinceEpoch)", mpan: request.mpan, role: request.role,
            provider: request.provider, effectiveFrom: request.effectiveFrom, requestingSupplier: sender.participant,
            requestedAt: context.now, scenario: request.scenario, proposal: proposal, status: .pending)
        let builder = try builder(view: view, context: context)
        var response = builder.message(
            interface: "IF-032", event: "\(appointment.kind)AppInitialResp", index: 1, custom: [appointment.blockID: .object(proposal)])
        response.payload.CommonBlock.R0 = ResponseBlock(responseCode: "A")
        var spRequest = try builder.registrationBlocks().filter { ["B022", "B023", "B024", "B025", "B026"].contains($0.key) }
        spRequest["B012"] = requestingSupplier(appointment, supplierID)
        spRequest[appointment.blockID] = .object(proposal)
        let toProvider = builder.message(interface: "IF-033", event: "\(appointment.kind)AppSPRequest", index: 2, custom: spRequest)
        return RegistrationOutcome(
            messages: [
                OutboundMessage(recipient: supplierID, recipientRole: .supplier, message: response),
                OutboundMessage(recipient: providerID, recipientRole: providerRole, message: toProvider),
            ],
            appointments: [appointment])
    }

    static func response(
        _ response: AppointmentResponse, from sender: RequestSender, history: [RegisterAssertion], pending: [PendingAppointment],
        context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard var appointment = pending.first(where: { $0.id == response.appointmentID }) else {
            throw RegistrationError("REG0014", "no appointment request \(response.appointmentID) for \(response.mpan)")
        }
        guard appointment.status == .pending else {
            throw .duplicate("appointment request \(appointment.id) was already \(appointment.status.rawValue)")
        }
        guard sender.participant == appointment.provider, sender.role.rawValue == appointment.role.rawValue else {
            throw RegistrationError(
                "REG0010", "\(sender.participant) is not the proposed \(appointment.role.rawValue) of \(appointment.id)")
        }
        appointment.status = response.accepted ? .accepted : .rejected
        var outcome = try conclude(
            appointment, responseCode: response.accepted ? "A" : "R", reason: response.responseCode, history: history, context: context)
        if response.accepted, let migration = migration(completedBy: appointment, pending: pending, history: history, context: context) {
            outcome.assertions.append(migration)
        }
        return outcome
    }

    /// Forward migration: once the supplier's migration appointments (`MCA`/`MCS`) of both a
    /// data service and a metering service are accepted, the metering point is settled under
    /// MHHS from the later of their dates. [A] Nothing else changes: the legacy profile class
    /// and SSC stay on record (unused by MHHS settlement) so parity checks can still profile it.
    static func migration(
        completedBy accepted: PendingAppointment, pending: [PendingAppointment], history: [RegisterAssertion], context: RegistrationContext
    ) -> RegisterAssertion? {
        guard AppointmentRequest.migrationScenarios.contains(accepted.scenario) else { return nil }
        // Only appointments asked for since the point's arrangement last changed: those of an
        // earlier migration, before a reverse migration, do not count again.
        let arrangementChanged = history.filter { $0.mask.contains(.arrangement) && $0.recordedAt <= context.now }.map(\.recordedAt).max()
        let since = arrangementChanged ?? UTCInstant(secondsSinceEpoch: Int64.min)
        let partner = pending.last { other in
            guard other.id != accepted.id, other.status == .accepted, other.role.fact != accepted.role.fact else { return false }
            return AppointmentRequest.migrationScenarios.contains(other.scenario) && other.requestingSupplier == accepted.requestingSupplier
                && other.requestedAt >= since
        }
        guard let partner else { return nil }
        let from = max(accepted.effectiveFrom, partner.effectiveFrom)
        guard let view = MeteringPointView(mpan: accepted.mpan, assertions: history, on: from, asKnownAt: context.now),
            view.facts.arrangement != .mhhs
        else { return nil }
        var facts = MeteringPointFacts()
        facts.arrangement = .mhhs
        return RegisterAssertion(
            mpan: accepted.mpan, gspGroup: view.gspGroup, effectiveFrom: from, recordedAt: context.now, mask: .arrangement, facts: facts,
            source: "migration (\(accepted.scenario) appointments accepted)")
    }

    static func lapse(
        appointmentID: String, history: [RegisterAssertion], pending: [PendingAppointment], context: RegistrationContext,
        sender: RequestSender
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard sender.role == .registrationService else {
            throw RegistrationError("REG0010", "only the Registration Service lapses appointment requests")
        }
        guard var appointment = pending.first(where: { $0.id == appointmentID }), appointment.status == .pending else {
            throw RegistrationError("REG0014", "no pending appointment request \(appointmentID)")
        }
        appointment.status = .lapsed
        return try conclude(appointment, responseCode: "L", reason: nil, history: history, context: context)
    }

    /// IF-035 to the supplier; on acceptance also the appointment itself, IF-036 to the new
    /// provider and IF-037 to the one it replaces.
    static func conclude(
        _ appointment: PendingAppointment, responseCode: String, reason: String?, history: [RegisterAssertion], context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard
            let view = MeteringPointView(mpan: appointment.mpan, assertions: history, on: appointment.effectiveFrom, asKnownAt: context.now)
        else { throw .unknownMPAN(appointment.mpan.description) }
        let builder = try builder(view: view, context: context)
        let supplierID = try context.dipID(appointment.requestingSupplier, .supplier)
        let event = ["A": "Accepted", "R": "Rejected", "L": "Lapsed"][responseCode]!
        let status = builder.message(
            interface: "IF-035", event: "\(appointment.kind)App\(event)", index: 1,
            custom: [
                "B007": ["responseCode": .string(responseCode), "proposedAppointmentResponseCode": .string(reason)],
                "B012": requestingSupplier(appointment, supplierID), appointment.blockID: .object(appointment.proposal),
            ])
        var outcome = RegistrationOutcome(
            messages: [OutboundMessage(recipient: supplierID, recipientRole: .supplier, message: status)], appointments: [appointment])
        guard responseCode == "A" else { return outcome }

        var facts = MeteringPointFacts()
        let appointed = Appointment(role: appointment.role, provider: appointment.provider)
        if appointment.role.fact == .dataService { facts.dataService = appointed } else { facts.meteringService = appointed }
        outcome.assertions = [
            RegisterAssertion(
                mpan: appointment.mpan, gspGroup: view.gspGroup, effectiveFrom: appointment.effectiveFrom, recordedAt: context.now,
                mask: appointment.role.fact, facts: facts, source: "IF-034 \(appointment.kind)AppSPResponse")
        ]
        let providerRole = DIPRole(rawValue: appointment.role.rawValue)!
        let providerID = try context.dipID(appointment.provider, providerRole)
        let from = DIPDateTime.startOf(appointment.effectiveFrom).text
        var active = try builder.registrationBlocks().filter { ["B022", "B023", "B024", "B025", "B026"].contains($0.key) }
        active["B012"] = requestingSupplier(appointment, supplierID)
        active["B028"] = [
            "domesticPremiseIndicator": .bool(view.facts.domesticPremise == .domestic),
            "domesticPremiseIndicatorEffectiveFromDate": builder.from(.domesticPremise),
        ]
        let contract =
            appointment.proposal[appointment.kind == "DS" ? "contractReferenceDataService" : "contractReferenceMeteringService"] ?? .null
        if appointment.kind == "DS" {
            active["B015"] = [
                "incomingDataServiceMPID": .string(appointment.provider.value), "incomingDataServiceDIPID": .string(providerID.value),
                "incomingDataServiceEffectiveFromDate": .string(from), "contractReferenceDataService": contract,
                "appointmentScenario": .string(appointment.scenario), "traditionalFallBackReadFrequency": .null,
            ]
        } else {
            active["B014"] = [
                "incomingMeteringServiceDIPID": .string(providerID.value), "incomingMeteringServiceEffectiveFromDate": .string(from),
                "incomingMeteringServiceMPID": .string(appointment.provider.value), "contractReferenceMeteringService": contract,
                "appointmentScenario": .string(appointment.scenario),
            ]
        }
        outcome.messages.append(
            OutboundMessage(
                recipient: providerID, recipientRole: providerRole,
                message: builder.message(interface: "IF-036", event: "\(appointment.kind)AppActive", index: 2, custom: active)))
        // The provider it replaces, if another, is told its appointment ends the day before.
        if let previous = view.facts.appointment(for: appointment.role.fact), previous.provider != appointment.provider,
            let previousRole = DIPRole(rawValue: previous.role.rawValue),
            let previousID = context.directory.dipID(of: previous.provider, role: previousRole)
        {
            let since = view.effectiveFrom(appointment.role.fact).map { DIPDateTime.startOf($0).text }
            let until = DIPDateTime.endOf(appointment.effectiveFrom.adding(days: -1)).text
            let reason = appointment.scenario == "COS" ? "CSUPP" : appointment.scenario == "SEG" ? "CSEGM" : "CSERV"
            let block: [String: JSONValue] =
                appointment.kind == "DS"
                ? [
                    "B009": [
                        "deAppointedDataServiceDIPID": .string(previousID.value),
                        "deAppointedDataServiceMPID": .string(previous.provider.value),
                        "dataServiceEffectiveFromDate": .string(since), "dataServiceEffectiveToDate": .string(until),
                        "deAppointmentReasonCode": .string(reason),
                    ]
                ]
                : [
                    "B008": [
                        "deAppointedMeteringServiceDIPID": .string(previousID.value),
                        "deAppointedMeteringServiceMPID": .string(previous.provider.value),
                        "meteringServiceEffectiveFromDate": .string(since),
                        "meteringServiceEffectiveToDate": .string(until), "deAppointmentReasonCode": .string(reason),
                    ]
                ]
            outcome.messages.append(
                OutboundMessage(
                    recipient: previousID, recipientRole: previousRole,
                    message: builder.message(interface: "IF-037", event: "\(appointment.kind)DeApp", index: 3, custom: block)))
        }
        return outcome
    }

    static func builder(view: MeteringPointView, context: RegistrationContext) throws(RegistrationError) -> RegistrationMessages {
        guard let distributor = view.facts.distributor else { throw .missing("\(view.mpan) has no LDSO") }
        return RegistrationMessages(context: context, view: view, distributorDIPID: try context.dipID(distributor, .distributor))
    }

    static func requestingSupplier(_ appointment: PendingAppointment, _ supplierID: DIPID) -> JSONValue {
        [
            "serviceProviderAppointmentRequestingSupplierDIPID": .string(supplierID.value),
            "serviceProviderAppointmentRequestingSupplierMPID": .string(appointment.requestingSupplier.value),
        ]
    }
}
