import GRDB
import MHHSCore
import MHHSRegistration

/// Maps register assertions to and from `register_assertion` rows.
enum RegisterRows {
    static let columns = """
        gsp_group, mpan, effective_from, recorded_at, seq, mask, supplier, ds_role, ds_mpid, ms_role, ms_mpid, \
        dc_role, dc_mpid, da_role, da_mpid, connection_type, market_segment, energy_direction, domestic, energisation, \
        ldso, duos_tariff, llfc, arrangement, profile_class, ssc, measurement_class, annual_consumption_wh, \
        annual_consumption_quality, linked_mpan, source
        """

    static let insertSQL = "INSERT INTO register_assertion (\(columns)) VALUES (\(Array(repeating: "?", count: 31).joined(separator: ", ")))"

    static func arguments(_ assertion: RegisterAssertion, sequence: Int64) -> StatementArguments {
        let facts = assertion.facts
        return [
            assertion.gspGroup.rawValue, assertion.mpan.value, assertion.effectiveFrom.dayNumber,
            assertion.recordedAt.secondsSinceEpoch, sequence, assertion.mask.rawValue, facts.supplier?.value,
            facts.dataService?.role.rawValue, facts.dataService?.provider.value, facts.meteringService?.role.rawValue,
            facts.meteringService?.provider.value, facts.legacyDataCollector?.role.rawValue,
            facts.legacyDataCollector?.provider.value, facts.legacyDataAggregator?.role.rawValue,
            facts.legacyDataAggregator?.provider.value, facts.connectionType?.rawValue, facts.marketSegment?.rawValue,
            facts.energyDirection?.rawValue, facts.domesticPremise?.rawValue, facts.energisation?.rawValue,
            facts.distributor?.value, facts.duosTariff, facts.llfClass, facts.arrangement?.rawValue, facts.profileClass,
            facts.standardSettlementConfiguration, facts.measurementClass, facts.annualConsumption?.energy.wattHours,
            facts.annualConsumption?.quality, facts.linkedMPAN?.value, assertion.source,
        ]
    }

    /// Reads a row selected with ``columns`` in order.
    static func assertion(_ row: Row) throws -> RegisterAssertion {
        func code<C: CodeValue>(_ index: Int, _: C.Type) throws -> C? {
            guard let text = row[index] as String? else { return nil }
            return try C(code: text)
        }
        func mpid(_ index: Int) throws -> MPID? {
            guard let text = row[index] as String? else { return nil }
            return try MPID(text)
        }
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
        facts.duosTariff = row[21]
        facts.llfClass = row[22]
        facts.arrangement = try code(23, SettlementArrangement.self)
        facts.profileClass = row[24]
        facts.standardSettlementConfiguration = row[25]
        facts.measurementClass = row[26]
        if let wattHours = row[27] as Int64? {
            facts.annualConsumption = AnnualConsumption(energy: Energy(wattHours: wattHours), quality: row[28] ?? "E")
        }
        facts.linkedMPAN = try (row[29] as Int64?).map { try MPAN(String($0)) }
        return RegisterAssertion(
            mpan: try MPAN(String(row[1] as Int64)), gspGroup: try GSPGroup(code: row[0] as String),
            effectiveFrom: SettlementDate(dayNumber: row[2]), recordedAt: UTCInstant(secondsSinceEpoch: row[3]),
            mask: RegisterFact(rawValue: row[5]), facts: facts, source: row[30], sequence: row[4])
    }
}
