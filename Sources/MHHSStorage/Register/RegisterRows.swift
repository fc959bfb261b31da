import Foundation
import MHHSCore
import MHHSMessages
import MHHSRegistration

/// Maps register assertions to and from `register_assertion` rows.
enum RegisterRows {
    static let columns = """
        gsp_group, mpan, effective_from, recorded_at, seq, mask, supplier, ds_role, ds_mpid, ms_role, ms_mpid, \
        dc_role, dc_mpid, da_role, da_mpid, connection_type, market_segment, energy_direction, domestic, energisation, \
        ldso, duos_tariff, llfc, arrangement, profile_class, ssc, measurement_class, annual_consumption_wh, \
        annual_consumption_quality, linked_mpan, source, css_registration_id, address_postcode, address_lines, meter_details
        """

    static let columnCount = 35

    static var columnNames: [String] {
        columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static let insertSQL =
        "INSERT INTO register_assertion (\(columns)) VALUES (\(Array(repeating: "?", count: columnCount).joined(separator: ", ")))"

    /// A column value to write, whatever the backend.
    enum Value {
        case text(String?)
        case int(Int64?)
    }

    /// The values of one row in ``columns`` order.
    static func values(_ assertion: RegisterAssertion, sequence: Int64) -> [Value] {
        let facts = assertion.facts
        return [
            .text(assertion.gspGroup.rawValue), .int(assertion.mpan.value), .int(Int64(assertion.effectiveFrom.dayNumber)),
            .int(assertion.recordedAt.secondsSinceEpoch), .int(sequence), .int(Int64(assertion.mask.rawValue)),
            .text(facts.supplier?.value),
            .text(facts.dataService?.role.rawValue), .text(facts.dataService?.provider.value),
            .text(facts.meteringService?.role.rawValue), .text(facts.meteringService?.provider.value),
            .text(facts.legacyDataCollector?.role.rawValue), .text(facts.legacyDataCollector?.provider.value),
            .text(facts.legacyDataAggregator?.role.rawValue), .text(facts.legacyDataAggregator?.provider.value),
            .text(facts.connectionType?.rawValue), .text(facts.marketSegment?.rawValue), .text(facts.energyDirection?.rawValue),
            .text(facts.domesticPremise?.rawValue), .text(facts.energisation?.rawValue), .text(facts.distributor?.value),
            .text(facts.duosTariff), .text(facts.llfClass), .text(facts.arrangement?.rawValue),
            .int(facts.profileClass.map(Int64.init)), .text(facts.standardSettlementConfiguration), .text(facts.measurementClass),
            .int(facts.annualConsumption?.energy.wattHours), .text(facts.annualConsumption?.quality),
            .int(facts.linkedMPAN?.value), .text(assertion.source), .text(facts.cssRegistrationID),
            .text(facts.address?.postcode), .text(facts.address.map(encodeLines)),
            .text(facts.meterTechnicalDetails.flatMap { try? String(decoding: JSONEncoder().encode($0), as: UTF8.self) }),
        ]
    }

    /// Reads a row selected with ``columns`` in order, from any backend.
    static func assertion(_ row: some RegisterColumnSource) throws -> RegisterAssertion {
        func code<C: CodeValue>(_ index: Int, _: C.Type) throws -> C? { try row.text(index).map { try C(code: $0) } }
        func mpid(_ index: Int) throws -> MPID? { try row.text(index).map { try MPID($0) } }
        func appointment(_ roleIndex: Int) throws -> Appointment? {
            guard let role = try code(roleIndex, AppointmentRole.self), let provider = try mpid(roleIndex + 1) else { return nil }
            return Appointment(role: role, provider: provider)
        }
        var facts = MeteringPointFacts()
        facts.supplier = try mpid(6)
        facts.dataService = try appointment(7)
        facts.meteringService = try appointment(9)
        facts.legacyDataCollector = try appointment(11)
        facts.legacyDataAggregator = try appointment(13)
        facts.connectionType = try code(15, ConnectionType.self)
        facts.marketSegment = try code(16, MarketSegment.self)
        facts.energyDirection = try code(17, EnergyDirection.self)
        facts.domesticPremise = try code(18, DomesticPremiseIndicator.self)
        facts.energisation = try code(19, EnergisationStatus.self)
        facts.distributor = try mpid(20)
        facts.duosTariff = try row.text(21)
        facts.llfClass = try row.text(22)
        facts.arrangement = try code(23, SettlementArrangement.self)
        facts.profileClass = try row.int(24).map(Int.init)
        facts.standardSettlementConfiguration = try row.text(25)
        facts.measurementClass = try row.text(26)
        if let wattHours = try row.int(27) {
            facts.annualConsumption = AnnualConsumption(energy: Energy(wattHours: wattHours), quality: try row.text(28) ?? "3")
        }
        facts.linkedMPAN = try row.int(29).map { try MPAN(String($0)) }
        facts.cssRegistrationID = try row.text(31)
        let postcode = try row.text(32)
        if let lines = try row.text(33) {
            facts.address = try MeteringPointAddress(postcode: postcode, lines: try decodeLines(lines))
        }
        if let details = try row.text(34) {
            facts.meterTechnicalDetails = try JSONDecoder().decode(JSONValue.self, from: Data(details.utf8))
        }
        guard let group = try row.text(0), let mpan = try row.int(1), let effective = try row.int(2),
            let recorded = try row.int(3), let sequence = try row.int(4), let mask = try row.int(5),
            let source = try row.text(30)
        else { throw StorageError.corrupt("a register_assertion row has a NULL key column") }
        return RegisterAssertion(
            mpan: try MPAN(String(mpan)), gspGroup: try GSPGroup(code: group), effectiveFrom: SettlementDate(dayNumber: Int(effective)),
            recordedAt: UTCInstant(secondsSinceEpoch: recorded), mask: RegisterFact(rawValue: Int(mask)), facts: facts,
            source: source, sequence: sequence)
    }
}

/// Address lines are stored as a JSON array of strings and nulls, readable in SQL.
func encodeLines(_ address: MeteringPointAddress) -> String {
    JSONWriter.string(.array(address.lines.map(JSONValue.string)))
}

func decodeLines(_ text: String) throws -> [String?] {
    guard case .array(let items) = try JSONParser.parse(text.utf8) else { throw StorageError.corrupt("address lines are not a JSON array") }
    return try items.map { item in
        switch item {
        case .null: return nil
        case .string(let line): return line
        default: throw StorageError.corrupt("an address line is not a string")
        }
    }
}

/// A result row whose columns can be read by position as text or integers, whatever the backend.
protocol RegisterColumnSource {
    func text(_ index: Int) throws -> String?
    func int(_ index: Int) throws -> Int64?
}
