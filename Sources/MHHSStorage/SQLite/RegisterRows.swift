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

    static let insertSQL =
        "INSERT INTO register_assertion (\(columns)) VALUES (\(Array(repeating: "?", count: 31).joined(separator: ", ")))"

    /// Binds an assertion to a statement prepared from ``insertSQL`` (the same order as ``arguments``).
    static func bind(_ assertion: RegisterAssertion, sequence: Int64, to binder: SQLiteBinder) {
        let facts = assertion.facts
        binder.bind(1, assertion.gspGroup.rawValue)
        binder.bind(2, assertion.mpan.value)
        binder.bind(3, assertion.effectiveFrom.dayNumber)
        binder.bind(4, assertion.recordedAt.secondsSinceEpoch)
        binder.bind(5, sequence)
        binder.bind(6, assertion.mask.rawValue)
        binder.bind(7, facts.supplier?.value)
        binder.bind(8, facts.dataService?.role.rawValue)
        binder.bind(9, facts.dataService?.provider.value)
        binder.bind(10, facts.meteringService?.role.rawValue)
        binder.bind(11, facts.meteringService?.provider.value)
        binder.bind(12, facts.legacyDataCollector?.role.rawValue)
        binder.bind(13, facts.legacyDataCollector?.provider.value)
        binder.bind(14, facts.legacyDataAggregator?.role.rawValue)
        binder.bind(15, facts.legacyDataAggregator?.provider.value)
        binder.bind(16, facts.connectionType?.rawValue)
        binder.bind(17, facts.marketSegment?.rawValue)
        binder.bind(18, facts.energyDirection?.rawValue)
        binder.bind(19, facts.domesticPremise?.rawValue)
        binder.bind(20, facts.energisation?.rawValue)
        binder.bind(21, facts.distributor?.value)
        binder.bind(22, facts.duosTariff)
        binder.bind(23, facts.llfClass)
        binder.bind(24, facts.arrangement?.rawValue)
        binder.bind(25, facts.profileClass)
        binder.bind(26, facts.standardSettlementConfiguration)
        binder.bind(27, facts.measurementClass)
        binder.bind(28, facts.annualConsumption?.energy.wattHours)
        binder.bind(29, facts.annualConsumption?.quality)
        binder.bind(30, facts.linkedMPAN?.value)
        binder.bind(31, assertion.source)
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
