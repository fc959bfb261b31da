import MHHSCore
import MHHSMessages

/// Builds the Registration Service's DIP messages from a metering point's view, field for
/// field as the specification's blocks define them (docs/dip/REGS-INTERFACES.md).
struct RegistrationMessages {
    let context: RegistrationContext
    let view: MeteringPointView
    let distributorDIPID: DIPID

    static let schemaVersion = "011"

    /// The envelope: S0, S1 from the REGS, M0 for the metering point. `index` keeps sender
    /// references unique among the messages of one request.
    func message(interface: String, event: String, index: Int, custom: [String: JSONValue]) -> DIPMessage {
        let date = SettlementDate(dayNumber: context.now.utcDayNumber)
        // A point's data-service and metering-service appointments can be decided in the same
        // second (a batch): their messages differ by kind as well as index.
        let kind = event.hasPrefix("DS") ? "d" : event.hasPrefix("MS") ? "m" : ""
        let reference = SenderUniqueReference.make(
            interface: interface, sender: context.registrationService, role: .registrationService, date: date,
            suffix: "\(view.mpan)\(context.now.secondsSinceEpoch)\(kind)n\(index)")
        let common = CommonBlock(
            S0: SchemaBlock(interfaceID: interface, schemaVersion: Self.schemaVersion, eventCode: "[\(event)]"),
            S1: SenderBlock(
                environmentTag: context.environmentTag, senderUniqueReference: reference,
                senderTimestamp: DIPDateTime(context.now).text, senderDIPID: context.registrationService.value,
                senderRoleID: DIPRole.registrationService.rawValue),
            M0: MPANBlock(MPANCore: view.mpan.description, distributorDIPID: distributorDIPID.value, GSPGroupID: view.gspGroup.rawValue))
        return DIPMessage(common: common, custom: custom)
    }

    func from(_ fact: RegisterFact) -> JSONValue {
        .string(view.effectiveFrom(fact).map { DIPDateTime.startOf($0).text })
    }

    /// The blocks IF-001 and IF-002 share: B013, B022–B026 and, when known, B027.
    func registrationBlocks() throws(RegistrationError) -> [String: JSONValue] {
        let facts = view.facts
        func require<T>(_ value: T?, _ name: String) throws(RegistrationError) -> T {
            guard let value else { throw .missing("\(view.mpan) has no \(name) to send") }
            return value
        }
        let address = try require(facts.address, "address")
        var blocks: [String: JSONValue] = [
            "B013": ["CSSRegistrationID": .string(try require(facts.cssRegistrationID, "CSS registration id"))],
            "B022": .object(
                ["meteringPointPostcode": .string(address.postcode)].merging(
                    address.lines.enumerated().map { ("addressLine\($0.offset + 1)", JSONValue.string($0.element)) },
                    uniquingKeysWith: { first, _ in first })),
            "B023": [
                "connectionTypeIndicator": .string(try require(facts.connectionType, "connection type").rawValue),
                "connectionTypeEffectiveFromDate": from(.connectionType),
                "energyDirection": .string(try require(facts.energyDirection, "energy direction").rawValue),
                "meteredIndicator": .bool(facts.connectionType != .unmetered),
            ],
            "B024": [
                "DUOSTariffID": .string(try require(facts.duosTariff, "DUoS tariff id")),
                "DUOSTariffIDEffectiveFromDate": from(.duosTariff),
            ],
            "B025": [
                "energisationStatus": .string(try require(facts.energisation, "energisation status").rawValue),
                "energisationStatusEffectiveFromDate": from(.energisation),
            ],
            "B026": [
                "marketSegmentIndicator": .string(try require(facts.marketSegment, "market segment").rawValue),
                "marketSegmentIndicatorEffectiveFromDate": from(.marketSegment),
            ],
        ]
        if let consumption = facts.annualConsumption, let text = try? consumption.energy.dipKWhString() {
            blocks["B027"] = [
                "annualConsumption": .string(text), "annualConsumptionEffectiveFromDate": from(.annualConsumption),
                "annualConsumptionQualityIndicator": .string(consumption.quality),
            ]
        }
        return blocks
    }

    /// IF-001: the registration as it now stands, with the incoming (and outgoing) supplier.
    func if001(event: String, incoming: (MPID, DIPID), outgoing: (MPID, DIPID)?, index: Int) throws(RegistrationError) -> DIPMessage {
        var blocks = try registrationBlocks()
        let start = try requireDate(.supplier)
        blocks["B002"] = [
            "incomingSupplierDIPID": .string(incoming.1.value), "incomingSupplierMPID": .string(incoming.0.value),
            "supplierEffectiveFromDate": .string(DIPDateTime.startOf(start).text),
        ]
        blocks["B004"] = [
            "domesticPremiseIndicator": .bool(view.facts.domesticPremise == .domestic),
            "domesticPremiseIndicatorEffectiveFromDate": from(.domesticPremise),
        ]
        if let outgoing {
            blocks["B003"] = [
                "outgoingSupplierDIPID": .string(outgoing.1.value), "outgoingSupplierMPID": .string(outgoing.0.value),
                "supplierEffectiveToDate": .string(DIPDateTime.endOf(start.adding(days: -1)).text),
            ]
        }
        return message(interface: "IF-001", event: event, index: index, custom: blocks)
    }

    /// IF-002: what the gaining supplier needs to know about the metering point.
    func if002(index: Int) throws(RegistrationError) -> DIPMessage {
        message(interface: "IF-002", event: "GainMPANInfo", index: index, custom: try registrationBlocks())
    }

    func requireDate(_ fact: RegisterFact) throws(RegistrationError) -> SettlementDate {
        guard let date = view.effectiveFrom(fact) else { throw .missing("\(view.mpan) has no effective date for \(fact.names.joined())") }
        return date
    }
}
