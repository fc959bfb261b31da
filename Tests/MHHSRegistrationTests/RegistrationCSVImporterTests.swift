import MHHSCore
import Testing

@testable import MHHSRegistration

@Suite("Registration CSV import: rows and their rejections")
struct RegistrationCSVImporterTests {
    static let header = RegistrationCSVColumn.required.map(\.rawValue)
    static let good: [String: String] = [
        "mpan": "1200000000011", "gsp_group": "_C", "ldso": "LOND", "supplier": "BGAS", "effective_from": "2026-04-01",
        "connection_type": "W", "market_segment": "S", "energy_direction": "I", "domestic": "T", "energisation": "E",
        "llfc": "1", "duos_tariff": "D01", "arrangement": "legacy-nhh", "profile_class": "1", "ssc": "0393",
        "annual_consumption_kwh": "3100.5", "ds_role": "NHHDC", "ds_mpid": "UDMS", "ms_role": "MSS", "ms_mpid": "LBSL",
    ]

    static func importer() throws -> RegistrationCSVImporter {
        try RegistrationCSVImporter(header: header, recordedAt: UTCInstant(secondsSinceEpoch: 0), source: "test")
    }

    static func row(_ changes: [String: String]) -> [String] {
        header.map { changes[$0] ?? good[$0]! }
    }

    @Test("a good row becomes a full-state assertion")
    func goodRow() throws {
        let assertion = try Self.importer().assertion(fields: Self.row([:]), row: 2)
        #expect(assertion.mpan.description == "1200000000011")
        #expect(assertion.gspGroup == .london)
        #expect(assertion.mask == .all)
        #expect(assertion.facts.supplier?.value == "BGAS")
        #expect(assertion.facts.legacyDataCollector == Appointment(role: .nonHalfHourlyDataCollector, provider: try MPID("UDMS")))
        #expect(assertion.facts.dataService == nil)
        #expect(assertion.facts.annualConsumption?.energy.wattHours == 3_100_500)
        #expect(assertion.facts.profileClass == 1 && assertion.facts.standardSettlementConfiguration == "0393")
    }

    @Test("an MHHS smart MPAN takes an SDS data service")
    func mhhsRow() throws {
        let assertion = try Self.importer().assertion(
            fields: Self.row(["arrangement": "mhhs", "ds_role": "SDS", "profile_class": "", "ssc": ""]), row: 2)
        #expect(assertion.facts.dataService?.role == .smartDataService)
        #expect(assertion.facts.profileClass == nil)
    }

    @Test(
        "every rejection names row, column and code",
        arguments: [
            (["mpan": "1200000000013"], "mpan", "REG0001"),
            (["gsp_group": "_A"], "gsp_group", "REG0002"),
            (["gsp_group": "_O"], "gsp_group", "REG0001"),
            (["ldso": "EELC"], "ldso", "REG0002"),
            (["supplier": ""], "supplier", "REG0004"),
            (["supplier": "bgas"], "supplier", "REG0001"),
            (["effective_from": "2026-02-30"], "effective_from", "REG0001"),
            (["connection_type": "X"], "connection_type", "REG0001"),
            (["connection_type": "U"], "connection_type", "REG0008"),
            (["domestic": "Y"], "domestic", "REG0001"),
            (["llfc": "1234"], "llfc", "REG0001"),
            (["arrangement": "nhh"], "arrangement", "REG0001"),
            (["profile_class": ""], "profile_class", "REG0004"),
            (["profile_class": "9"], "profile_class", "REG0001"),
            (["ssc": "393"], "ssc", "REG0001"),
            (["annual_consumption_kwh": "12.3456"], "annual_consumption_kwh", "REG0001"),
            (["annual_consumption_kwh": "-5"], "annual_consumption_kwh", "REG0001"),
            (["ds_role": "SDS"], "ds_role", "REG0003"),
            (["arrangement": "mhhs", "ds_role": "ADS"], "ds_role", "REG0003"),
            (["ds_mpid": ""], "ds_mpid", "REG0004"),
            (["ms_role": "MSA"], "ms_role", "REG0003"),
            (["duos_tariff": "D001"], "duos_tariff", "REG0001"),
        ] as [([String: String], String, String)])
    func rejections(changes: [String: String], column: String, code: String) throws {
        let importer = try Self.importer()
        do throws(RegistrationCSVImporter.RowError) {
            _ = try importer.assertion(fields: Self.row(changes), row: 7)
            Issue.record("row \(changes) should be rejected")
        } catch {
            #expect(error.row == 7)
            #expect(error.column == column, "\(error)")
            #expect(error.error.code == code, "\(error)")
        }
    }

    @Test("headers: unknown, repeated or missing columns are rejected; wrong field counts too")
    func headers() throws {
        #expect(throws: RegistrationCSVImporter.RowError.self) {
            try RegistrationCSVImporter(header: Self.header + ["colour"], recordedAt: UTCInstant(secondsSinceEpoch: 0), source: "t")
        }
        #expect(throws: RegistrationCSVImporter.RowError.self) {
            try RegistrationCSVImporter(header: Self.header + ["mpan"], recordedAt: UTCInstant(secondsSinceEpoch: 0), source: "t")
        }
        do throws(RegistrationCSVImporter.RowError) {
            _ = try RegistrationCSVImporter(
                header: Array(Self.header.dropLast()), recordedAt: UTCInstant(secondsSinceEpoch: 0), source: "t")
            Issue.record("a missing column must be rejected")
        } catch {
            #expect(error.column == "ms_mpid" && error.error.code == "REG0004")
        }
        #expect(throws: RegistrationCSVImporter.RowError.self) {
            try Self.importer().assertion(fields: Array(Self.row([:]).dropLast()), row: 2)
        }
        let withOptional = try RegistrationCSVImporter(
            header: Self.header + ["annual_consumption_quality", "linked_mpan"], recordedAt: UTCInstant(secondsSinceEpoch: 0), source: "t")
        let assertion = try withOptional.assertion(fields: Self.row([:]) + ["A", "1900012374324"], row: 2)
        #expect(assertion.facts.annualConsumption?.quality == "A")
        #expect(throws: RegistrationCSVImporter.RowError.self) { try withOptional.assertion(fields: Self.row([:]) + ["E", ""], row: 3) }
        #expect(assertion.facts.linkedMPAN?.description == "1900012374324")
    }

    @Test("each column's ordinal is its position among all columns")
    func ordinals() {
        #expect(RegistrationCSVColumn.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }

    @Test("kWh text converts to Wh exactly")
    func kilowattHours() {
        #expect(RegistrationRowReader.kilowattHoursToWattHours("12") == 12_000)
        #expect(RegistrationRowReader.kilowattHoursToWattHours("12.5") == 12_500)
        #expect(RegistrationRowReader.kilowattHoursToWattHours("0.001") == 1)
        #expect(RegistrationRowReader.kilowattHoursToWattHours("1.") == nil)
        #expect(RegistrationRowReader.kilowattHoursToWattHours(".5") == nil)
    }
}
