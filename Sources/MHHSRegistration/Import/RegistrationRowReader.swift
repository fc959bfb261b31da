import MHHSCore

/// Reads and cross-checks the fields of one registration CSV row.
struct RegistrationRowReader {
    typealias Column = RegistrationCSVColumn
    typealias RowError = RegistrationCSVImporter.RowError

    let fields: [String]
    let positions: [Int]
    let row: Int

    func text(_ column: Column) -> String? {
        let position = positions[column.ordinal]
        guard position >= 0 else { return nil }
        let value = fields[position].trimmingSpaces
        return value.isEmpty ? nil : value
    }

    func fail(_ column: Column, _ error: RegistrationError) -> RowError {
        RowError(row: row, column: column.rawValue, error: error)
    }

    func required(_ column: Column) throws(RowError) -> String {
        guard let value = text(column) else { throw fail(column, .missing("\(column.rawValue) is required")) }
        return value
    }

    func parse<T>(_ column: Column, _ make: (String) throws -> T) throws(RowError) -> T? {
        guard let value = text(column) else { return nil }
        do { return try make(value) } catch { throw fail(column, .malformed("\(error)")) }
    }

    func requiredCode<C: CodeValue>(_ column: Column, _: C.Type) throws(RowError) -> C {
        let value = try required(column)
        do { return try C(code: value) } catch { throw fail(column, .malformed(error.description)) }
    }

    func mpid(_ column: Column) throws(RowError) -> MPID? { try parse(column) { try MPID($0) } }

    func appointment(role roleColumn: Column, provider providerColumn: Column) throws(RowError) -> Appointment? {
        let role = try parse(roleColumn) { try AppointmentRole(code: $0) }
        let provider = try mpid(providerColumn)
        switch (role, provider) {
        case (nil, nil): return nil
        case (let role?, let provider?): return Appointment(role: role, provider: provider)
        case (nil, _): throw fail(roleColumn, .missing("\(roleColumn.rawValue) is required with \(providerColumn.rawValue)"))
        case (_, nil): throw fail(providerColumn, .missing("\(providerColumn.rawValue) is required with \(roleColumn.rawValue)"))
        }
    }

    func assertion(recordedAt: UTCInstant, source: String) throws(RowError) -> RegisterAssertion {
        guard let mpan = try parse(.mpan, { try MPAN($0) }) else { throw fail(.mpan, .missing("mpan is required")) }
        let group = try requiredCode(.gsp_group, GSPGroup.self)
        if let dnoGroup = mpan.distributor.gspGroup, dnoGroup != group {
            throw fail(
                .gsp_group,
                .groupMismatch("MPAN \(mpan) of distributor \(mpan.distributor) is in \(dnoGroup.rawValue), not \(group.rawValue)"))
        }
        let effectiveFrom = try parse(.effective_from) { try SettlementDate($0) }
        guard let effectiveFrom else { throw fail(.effective_from, .missing("effective_from is required")) }

        var facts = MeteringPointFacts()
        facts.distributor = try mpid(.ldso)
        guard let distributor = facts.distributor else { throw fail(.ldso, .missing("ldso is required")) }
        if let dno = mpan.distributor.dnoMPID, dno != distributor {
            throw fail(.ldso, .groupMismatch("MPAN \(mpan) belongs to distributor \(dno), not \(distributor)"))
        }
        facts.supplier = try mpid(.supplier)
        guard facts.supplier != nil else { throw fail(.supplier, .missing("supplier is required")) }
        facts.connectionType = try requiredCode(.connection_type, ConnectionType.self)
        let segment = try requiredCode(.market_segment, MarketSegment.self)
        facts.marketSegment = segment
        if (segment == .unmetered) != (facts.connectionType == .unmetered) {
            throw fail(
                .connection_type, RegistrationError("REG0008", "connection type \(facts.connectionType!) does not fit segment \(segment)"))
        }
        facts.energyDirection = try requiredCode(.energy_direction, EnergyDirection.self)
        facts.domesticPremise = try requiredCode(.domestic, DomesticPremiseIndicator.self)
        facts.energisation = try requiredCode(.energisation, EnergisationStatus.self)
        facts.llfClass = try required(.llfc)
        guard let llfc = facts.llfClass, (1...3).contains(llfc.count), llfc.isASCIIAlphanumeric else {
            throw fail(.llfc, .malformed("llfc must be 1–3 letters or digits"))
        }
        facts.duosTariff = text(.duos_tariff)
        if let tariff = facts.duosTariff, !(1...3).contains(tariff.count) {
            throw fail(.duos_tariff, .malformed("DUoS tariff id '\(tariff)' is not 1–3 characters"))
        }
        let arrangement = try requiredCode(.arrangement, SettlementArrangement.self)
        facts.arrangement = arrangement
        try readLegacyProfile(into: &facts, arrangement: arrangement)
        try readAnnualConsumption(into: &facts)
        try readAppointments(into: &facts, segment: segment, arrangement: arrangement)
        facts.linkedMPAN = try parse(.linked_mpan) { try MPAN($0) }
        if text(.postcode) != nil || text(.address_lines) != nil {
            let lines = (text(.address_lines) ?? "").split(separator: "|", omittingEmptySubsequences: false).map {
                $0.isEmpty ? nil : String($0)
            }
            do {
                facts.address = try MeteringPointAddress(postcode: text(.postcode), lines: lines)
            } catch {
                throw fail(text(.address_lines) != nil ? .address_lines : .postcode, error)
            }
        }
        facts.cssRegistrationID = try parse(.css_registration_id) { text throws(RegistrationError) -> String in
            guard text.count <= 36 else { throw .malformed("a CSS registration id is at most 36 characters") }
            return text
        }
        return RegisterAssertion(
            mpan: mpan, gspGroup: group, effectiveFrom: effectiveFrom, recordedAt: recordedAt, mask: .all, facts: facts,
            source: source)
    }

    private func readLegacyProfile(into facts: inout MeteringPointFacts, arrangement: SettlementArrangement) throws(RowError) {
        let profileClass = try parse(.profile_class) { text throws(RegistrationError) -> Int in
            guard let value = Int(text), (0...8).contains(value) else { throw .malformed("profile class '\(text)' is not 0–8") }
            return value
        }
        facts.profileClass = profileClass == 0 ? nil : profileClass
        facts.standardSettlementConfiguration = try parse(.ssc) { text throws(RegistrationError) -> String in
            guard text.utf8.count == 4, text.allSatisfy(\.isASCIIDigit) else { throw .malformed("SSC '\(text)' is not 4 digits") }
            return text
        }
        facts.measurementClass = try parse(.measurement_class) { text throws(RegistrationError) -> String in
            guard ["A", "B", "C", "D", "E", "F", "G"].contains(text) else { throw .malformed("measurement class '\(text)' is not A–G") }
            return text
        }
        if arrangement == .legacyNHH {
            guard facts.profileClass != nil else { throw fail(.profile_class, .missing("a legacy NHH MPAN needs a profile class")) }
            guard facts.standardSettlementConfiguration != nil else { throw fail(.ssc, .missing("a legacy NHH MPAN needs an SSC")) }
        }
    }

    private func readAnnualConsumption(into facts: inout MeteringPointFacts) throws(RowError) {
        let wattHours = try parse(.annual_consumption_kwh) { text throws(RegistrationError) -> Int64 in
            guard let value = Self.kilowattHoursToWattHours(text) else {
                throw .malformed("'\(text)' is not a non-negative kWh value with at most 3 decimals")
            }
            return value
        }
        let quality = try parse(.annual_consumption_quality) { text throws(RegistrationError) -> String in
            guard AnnualConsumption.qualityIndicators.contains(text) else {
                throw .malformed("quality '\(text)' is not one of \(AnnualConsumption.qualityIndicators.joined(separator: ", "))")
            }
            return text
        }
        // [A] Without a quality indicator an annual consumption is taken as 100 % estimated (`3`).
        facts.annualConsumption = wattHours.map { AnnualConsumption(energy: Energy(wattHours: $0), quality: quality ?? "3") }
    }

    private func readAppointments(
        into facts: inout MeteringPointFacts, segment: MarketSegment, arrangement: SettlementArrangement
    ) throws(RowError) {
        if let dataService = try appointment(role: .ds_role, provider: .ds_mpid) {
            let expected: AppointmentRole =
                switch arrangement {
                case .mhhs: .dataService(for: segment)
                case .legacyNHH: .nonHalfHourlyDataCollector
                case .legacyHH: .halfHourlyDataCollector
                }
            guard dataService.role == expected else {
                throw fail(
                    .ds_role,
                    .roleMismatch(
                        "a \(arrangement.rawValue) MPAN in segment \(segment) needs \(expected.rawValue), not \(dataService.role.rawValue)")
                )
            }
            if arrangement == .mhhs { facts.dataService = dataService } else { facts.legacyDataCollector = dataService }
        }
        if let meteringService = try appointment(role: .ms_role, provider: .ms_mpid) {
            let expected = AppointmentRole.meteringService(for: segment)
            guard meteringService.role == expected else {
                throw fail(.ms_role, .roleMismatch("segment \(segment) needs \(expected.rawValue), not \(meteringService.role.rawValue)"))
            }
            facts.meteringService = meteringService
        }
        if let aggregator = try appointment(role: .da_role, provider: .da_mpid) {
            let expected: AppointmentRole? =
                switch arrangement {
                case .legacyNHH: .nonHalfHourlyDataAggregator
                case .legacyHH: .halfHourlyDataAggregator
                case .mhhs: nil
                }
            guard aggregator.role == expected else {
                throw fail(.da_role, .roleMismatch("a \(arrangement.rawValue) MPAN cannot have a \(aggregator.role.rawValue)"))
            }
            facts.legacyDataAggregator = aggregator
        }
    }

    /// `12`, `12.5`, `12.345` kWh → Wh; nil for anything else.
    static func kilowattHoursToWattHours(_ text: String) -> Int64? {
        var whole: Int64 = 0
        var wholeDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = -1
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            if fractionDigits >= 0 {
                fractionDigits += 1
                fraction = fraction * 10 + Int64(byte - 48)
            } else {
                wholeDigits += 1
                whole = whole * 10 + Int64(byte - 48)
            }
        }
        guard (1...12).contains(wholeDigits), fractionDigits != 0, fractionDigits <= 3 else { return nil }
        for _ in max(fractionDigits, 0)..<3 { fraction *= 10 }
        return whole * 1_000 + fraction
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension String {
    var isASCIIAlphanumeric: Bool {
        utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    }

    var trimmingSpaces: String {
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
