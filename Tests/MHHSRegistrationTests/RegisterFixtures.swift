import MHHSCore
import MHHSMessages

@testable import MHHSRegistration

/// Small builders for register tests.
enum RegisterFixtures {
    static let mpan = try! MPAN("1200000000011")
    static let otherMPAN = try! MPAN(distributor: DistributorID(12), uniqueNumber: 42)

    static func date(_ text: String) -> SettlementDate { try! SettlementDate(text) }

    /// Midnight UTC of a date: "recorded on day N".
    static func instant(_ text: String) -> UTCInstant { UTCInstant(utcMidnightOfDay: date(text).dayNumber) }

    static func fullState(supplier: String, arrangement: SettlementArrangement = .legacyNHH) -> MeteringPointFacts {
        var facts = MeteringPointFacts()
        facts.supplier = try! MPID(supplier)
        facts.distributor = try! MPID("LOND")
        facts.connectionType = .wholeCurrent
        facts.marketSegment = .smart
        facts.energyDirection = .importing
        facts.domesticPremise = .domestic
        facts.energisation = .energised
        facts.llfClass = "1"
        facts.duosTariff = "D01"
        facts.arrangement = arrangement
        facts.profileClass = 1
        facts.standardSettlementConfiguration = "0393"
        facts.annualConsumption = AnnualConsumption(energy: Energy(wattHours: 3_100_000), quality: "3")
        facts.cssRegistrationID = "3f2b6c1e-8d4a-4e2b-9c7a-1b2c3d4e5f60"
        facts.address = try! MeteringPointAddress(postcode: "EC1A 1BB", lines: ["1 Example Street", nil, "London"])
        facts.meterTechnicalDetails = ["existingMeter": ["meterID": "24P0000001", "meterType": "S2A"]]
        return facts
    }

    static func assertion(
        _ mpan: MPAN = mpan, effective: String, recorded: String, mask: RegisterFact = .all, facts: MeteringPointFacts,
        sequence: Int64 = 0, source: String = "test"
    ) -> RegisterAssertion {
        RegisterAssertion(
            mpan: mpan, gspGroup: .london, effectiveFrom: date(effective), recordedAt: instant(recorded), mask: mask,
            facts: facts, source: source, sequence: sequence)
    }

    static func supplierChange(_ supplier: String, effective: String, recorded: String, sequence: Int64 = 0) -> RegisterAssertion {
        var facts = MeteringPointFacts()
        facts.supplier = try! MPID(supplier)
        return assertion(effective: effective, recorded: recorded, mask: .supplier, facts: facts, sequence: sequence)
    }
}
