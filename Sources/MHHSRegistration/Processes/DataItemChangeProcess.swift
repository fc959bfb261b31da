import MHHSCore
import MHHSMessages

/// Changes to registration data items: who may make each, what is recorded, who is told.
enum DataItemChangeProcess {
    static func handle(
        _ request: DataItemChange, from sender: RequestSender, history: [RegisterAssertion], context: RegistrationContext
    ) throws(RegistrationError) -> RegistrationOutcome {
        guard let group = history.first?.gspGroup else { throw .unknownMPAN(request.mpan.description) }
        guard let before = MeteringPointView(mpan: request.mpan, assertions: history, on: request.effectiveFrom, asKnownAt: context.now),
            let supplier = before.facts.supplier
        else { throw .unknownMPAN("\(request.mpan) on \(request.effectiveFrom)") }
        try authorise(request.item, sender: sender, current: before.facts)
        let (mask, facts) = try record(request.item, current: before.facts)
        let assertion = RegisterAssertion(
            mpan: request.mpan, gspGroup: group, effectiveFrom: request.effectiveFrom, recordedAt: context.now, mask: mask,
            facts: facts, source: sourceName(request.item))
        let view = MeteringPointView(
            mpan: request.mpan, assertions: history + [assertion], on: request.effectiveFrom, asKnownAt: context.now)!
        guard let distributor = before.facts.distributor else { throw .missing("\(request.mpan) has no LDSO") }
        let builder = RegistrationMessages(context: context, view: view, distributorDIPID: try context.dipID(distributor, .distributor))
        let date = DIPDateTime.startOf(request.effectiveFrom).text
        let supplierID = try context.dipID(supplier, .supplier)
        // The supplier and the appointed services hear of every change; unresolvable services are skipped.
        var parties: [(DIPID, DIPRole)] = [(supplierID, .supplier)]
        for appointment in [before.facts.dataService, before.facts.meteringService].compactMap({ $0 }) {
            let role = DIPRole(rawValue: appointment.role.rawValue)!
            if let id = context.directory.dipID(of: appointment.provider, role: role) { parties.append((id, role)) }
        }
        func send(_ message: DIPMessage, to recipients: [(DIPID, DIPRole)]) -> [OutboundMessage] {
            recipients.map { OutboundMessage(recipient: $0.0, recipientRole: $0.1, message: message) }
        }
        let accepted = ResponseBlock(responseCode: "A")
        var messages: [OutboundMessage] = []
        switch request.item {
        case .energisation(let status):
            var message = builder.message(
                interface: "IF-008", event: "EnergisationStatusChange", index: 1,
                custom: [
                    "B025": ["energisationStatus": .string(status.rawValue), "energisationStatusEffectiveFromDate": .string(date)]
                ])
            message.payload.CommonBlock.R0 = accepted
            let originator = try context.dipID(sender.participant, sender.role)
            messages = send(message, to: [(originator, sender.role)] + parties.filter { $0.0 != originator })
        case .meterTechnicalDetails(let details):
            var message = builder.message(interface: "IF-006", event: "MeterInstall", index: 1, custom: ["B906": details])
            message.payload.CommonBlock.R0 = accepted
            let originator = try context.dipID(sender.participant, sender.role)
            messages = send(message, to: [(originator, sender.role)] + parties.filter { $0.0 != originator })
        case .duosTariff(let tariff):
            let message = builder.message(
                interface: "IF-018", event: "DUOSTariffIDChg", index: 1,
                custom: [
                    "B024": ["DUOSTariffID": .string(tariff), "DUOSTariffIDEffectiveFromDate": .string(date)]
                ])
            messages = send(message, to: parties)
        case .domesticPremise(let indicator):
            let message = builder.message(
                interface: "IF-018", event: "DomPremInd", index: 1,
                custom: [
                    "B028": [
                        "domesticPremiseIndicator": .bool(indicator == .domestic),
                        "domesticPremiseIndicatorEffectiveFromDate": .string(date),
                    ]
                ])
            messages = send(message, to: parties)
        case .legacyProfile(let profileClass, let ssc):
            var message = builder.message(
                interface: "IF-026", event: "SSCandProfileClass", index: 1,
                custom: [
                    "B032": [
                        "profileClass": .string(profileClass.map { String($0) }),
                        "profileClassEffectiveFromDate": profileClass == nil ? .null : .string(date),
                        "SSC": .string(ssc), "SSCEffectiveFromDate": ssc == nil ? .null : .string(date),
                    ]
                ])
            message.payload.CommonBlock.R0 = accepted
            messages = send(message, to: parties)
        case .marketSegment(let segment, let connection):
            let message = builder.message(
                interface: "IF-044", event: "MarketSegmentChange", index: 1,
                custom: [
                    "B026": [
                        "marketSegmentIndicator": .string(segment.rawValue), "marketSegmentIndicatorEffectiveFromDate": .string(date),
                    ],
                    "B023": [
                        "connectionTypeIndicator": .string(connection.rawValue), "connectionTypeEffectiveFromDate": .string(date),
                        "energyDirection": .string(view.facts.energyDirection?.rawValue),
                        "meteredIndicator": .bool(connection != .unmetered),
                    ],
                ])
            messages = send(message, to: parties)
        case .annualConsumption:
            messages = []
        case .disconnection(let information):
            let message = builder.message(
                interface: "IF-009", event: "MPANDisconnection", index: 1,
                custom: [
                    "B041": ["disconnectionEffectiveFromDate": .string(date), "additionalInformation": .string(information)]
                ])
            messages = send(message, to: parties)
        case .reverseMigration(_, let cssRegistrationID):
            let message = builder.message(
                interface: "IF-003", event: "ReverseMigNotification", index: 1,
                custom: [
                    "B013": ["CSSRegistrationID": .string(cssRegistrationID)],
                    "B094": ["MHHSRegimeEndDate": .string(DIPDateTime.endOf(request.effectiveFrom.adding(days: -1)).text)],
                    "B002": [
                        "incomingSupplierDIPID": .string(supplierID.value), "incomingSupplierMPID": .string(supplier.value),
                        "supplierEffectiveFromDate": .string(
                            DIPDateTime.startOf(before.effectiveFrom(.supplier) ?? request.effectiveFrom).text),
                    ],
                ])
            messages = send(message, to: [(supplierID, .supplier)])
        }
        return RegistrationOutcome(assertions: [assertion], messages: messages)
    }

    /// Who maintains each item (`REG0006` supplier, `REG0010` metering service, `REG0011` LDSO, `REG0012` ECS).
    static func authorise(_ item: DataItemChange.Item, sender: RequestSender, current: MeteringPointFacts) throws(RegistrationError) {
        switch item {
        case .energisation, .meterTechnicalDetails:
            guard [.smartMeteringService, .advancedMeteringService, .unmeteredSupplyOperator].contains(sender.role),
                current.meteringService?.provider == sender.participant
            else { throw RegistrationError("REG0010", "\(sender.participant) is not the appointed metering service") }
        case .duosTariff, .domesticPremise, .disconnection:
            guard sender.role == .distributor, current.distributor == sender.participant else {
                throw RegistrationError("REG0011", "\(sender.participant) is not the LDSO of this metering point")
            }
        case .legacyProfile, .marketSegment, .reverseMigration:
            guard sender.role == .supplier, current.supplier == sender.participant else {
                throw .notRegisteredSupplier("\(sender.participant) is not the registered supplier")
            }
        case .annualConsumption:
            guard sender.role == .elexonCentralServices else {
                throw RegistrationError("REG0012", "annual consumption comes from ECS, not \(sender.role.rawValue)")
            }
        }
    }

    /// The assertion's mask and facts for an item, validated against the current facts.
    static func record(_ item: DataItemChange.Item, current: MeteringPointFacts) throws(RegistrationError) -> (
        RegisterFact, MeteringPointFacts
    ) {
        var facts = MeteringPointFacts()
        switch item {
        case .energisation(let status):
            guard current.energisation != status else { throw .duplicate("the metering point is already \(status)") }
            facts.energisation = status
            return (.energisation, facts)
        case .meterTechnicalDetails(let details):
            guard let meterID = details["existingMeter"]?["meterID"]?.stringValue, (1...10).contains(meterID.count),
                details["existingMeter"]?["meterType"]?.stringValue != nil
            else { throw .malformed("meter technical details need existingMeter.meterID (1–10 characters) and meterType") }
            facts.meterTechnicalDetails = details
            return (.meterTechnicalDetails, facts)
        case .duosTariff(let tariff):
            guard (1...3).contains(tariff.count) else { throw .malformed("DUoS tariff id '\(tariff)' is not 1–3 characters") }
            facts.duosTariff = tariff
            return (.duosTariff, facts)
        case .domesticPremise(let indicator):
            facts.domesticPremise = indicator
            return (.domesticPremise, facts)
        case .legacyProfile(let profileClass, let ssc):
            if let profileClass, !(1...8).contains(profileClass) { throw .malformed("profile class \(profileClass) is not 1–8") }
            if let ssc, ssc.utf8.count != 4 || !ssc.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                throw .malformed("SSC '\(ssc)' is not 4 digits")
            }
            facts.profileClass = profileClass
            facts.standardSettlementConfiguration = ssc
            facts.measurementClass = current.measurementClass
            return (.legacyProfile, facts)
        case .marketSegment(let segment, let connection):
            guard current.marketSegment != segment || current.connectionType != connection else {
                throw .duplicate("the metering point is already segment \(segment), connection type \(connection)")
            }
            facts.marketSegment = segment
            facts.connectionType = connection
            try RegistrationRules.checkConsistent(facts)
            return ([.marketSegment, .connectionType], facts)
        case .annualConsumption(let consumption):
            guard AnnualConsumption.qualityIndicators.contains(consumption.quality), consumption.energy.wattHours >= 0 else {
                throw .malformed("annual consumption needs a non-negative value and a B059 quality indicator")
            }
            facts.annualConsumption = consumption
            return (.annualConsumption, facts)
        case .disconnection:
            // [A] Disconnection ends the supply: no supplier and no appointments from the date.
            return ([.supplier, .dataService, .meteringService], facts)
        case .reverseMigration(let arrangement, let cssRegistrationID):
            guard arrangement != .mhhs, current.arrangement == .mhhs else {
                throw .malformed("reverse migration takes an MHHS metering point back to a legacy arrangement")
            }
            guard (1...36).contains(cssRegistrationID.count) else { throw .malformed("a CSS registration id is 1–36 characters") }
            facts.arrangement = arrangement
            return (.arrangement, facts)
        }
    }

    static func sourceName(_ item: DataItemChange.Item) -> String {
        switch item {
        case .energisation: "IF-007 EnergisationStatusChange"
        case .meterTechnicalDetails: "IF-005 MeterInstall"
        case .duosTariff: "IF-018 DUOSTariffIDChg"
        case .domesticPremise: "IF-018 DomPremInd"
        case .legacyProfile: "IF-025 SSCandProfileClass"
        case .marketSegment: "IF-044 MarketSegmentChange"
        case .annualConsumption: "IF-040 AnnualConsumption"
        case .disconnection: "IF-009 MPANDisconnection"
        case .reverseMigration: "IF-003 ReverseMigNotification"
        }
    }
}
