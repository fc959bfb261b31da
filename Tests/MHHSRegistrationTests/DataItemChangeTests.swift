import Foundation
import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSRegistration

@Suite("REGS processes: data item changes")
struct DataItemChangeTests {
    typealias P = ProcessFixtures
    typealias F = RegisterFixtures

    static let sds = try! MPID("SDSA")
    static let mss = try! MPID("MSSA")
    static let sdsID = try! DIPID("1400000001")
    static let mssID = try! DIPID("4000000001")
    static let ecsID = try! DIPID("1000000003")

    /// A registered MHHS smart metering point with SDS and MSS appointed, recorded 2026-10-01.
    static var history: [RegisterAssertion] {
        var facts = F.fullState(supplier: "OLDS", arrangement: .mhhs)
        facts.dataService = Appointment(role: .smartDataService, provider: sds)
        facts.meteringService = Appointment(role: .smartMeteringService, provider: mss)
        facts.profileClass = nil
        facts.standardSettlementConfiguration = nil
        return [F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: facts, sequence: 1)]
    }

    static var context: RegistrationContext {
        var directory = P.directory
        directory.add(sds, role: .smartDataService, dipID: sdsID)
        directory.add(mss, role: .smartMeteringService, dipID: mssID)
        directory.add(try! MPID("ELEX"), role: .elexonCentralServices, dipID: ecsID)
        return RegistrationContext(
            registrationService: P.regs, marketwideDataService: P.mds, directory: directory, environmentTag: "SIT",
            now: F.instant("2026-11-10").adding(seconds: 9 * 3_600))
    }

    static let ldso = RequestSender(participant: try! MPID("LOND"), role: .distributor)
    static let meteringService = RequestSender(participant: mss, role: .smartMeteringService)
    static let ecs = RequestSender(participant: try! MPID("ELEX"), role: .elexonCentralServices)

    static func change(_ item: DataItemChange.Item, from sender: RequestSender) throws(RegistrationError) -> RegistrationOutcome {
        try RegistrationProcess.handle(
            .change(DataItemChange(mpan: F.mpan, effectiveFrom: F.date("2026-11-02"), item: item)), from: sender, history: history,
            context: context)
    }

    static func state(after outcome: RegistrationOutcome) -> MeteringPointFacts? {
        RegisterFold.state(of: history + outcome.assertions, on: F.date("2026-11-03"), asKnownAt: F.instant("2026-11-11"))
    }

    @Test("energisation from the appointed MS: IF-008 with R0 to the MS first, then supplier and DS")
    func energisation() throws {
        let outcome = try Self.change(.energisation(.deEnergised), from: Self.meteringService)
        #expect(Self.state(after: outcome)?.energisation == .deEnergised)
        #expect(outcome.messages.map(\.recipient) == [Self.mssID, P.oldSupplierID, Self.sdsID])
        #expect(outcome.messages.allSatisfy { $0.message.payload.CommonBlock.R0?.responseCode == "A" })
        #expect(outcome.messages[0].message.payload.CustomBlock["B025"]?["energisationStatus"]?.stringValue == "D")
    }

    static let meterDetails: JSONValue = [
        "existingMeter": [
            "meterID": "24P0123456", "modifiedMeterID": nil, "meterType": "S2A", "manufacturersMakeAndType": nil,
            "ESMEGUID": "0C-A2-F4-00-00-76-21-BC", "meterLocation": "A", "numberOfDisplayedRegisterDigits": 5,
            "meterInstallationDate": "2026-11-02T00:00:00+00:00",
        ],
        "historyMAP": [["meterAssetProviderID": "MAPA", "meterAssetProviderEffectiveFromDate": "2026-11-02T00:00:00+00:00"]],
    ]

    @Test("meter technical details from the appointed MS: recorded, IF-006 with R0 to the MS, supplier and DS")
    func meterTechnicalDetails() throws {
        let outcome = try Self.change(.meterTechnicalDetails(Self.meterDetails), from: Self.meteringService)
        #expect(Self.state(after: outcome)?.meterTechnicalDetails == Self.meterDetails)
        #expect(outcome.messages.map(\.interfaceID) == ["IF-006", "IF-006", "IF-006"])
        #expect(outcome.messages.map(\.recipient) == [Self.mssID, P.oldSupplierID, Self.sdsID])
        do throws(RegistrationError) {
            _ = try Self.change(.meterTechnicalDetails(["existingMeter": ["meterType": "S2A"]]), from: Self.meteringService)
            Issue.record("a meter without an id must be rejected")
        } catch {
            #expect(error.code == "REG0001")
        }
    }

    @Test("LDSO data: DUoS tariff and domestic premise indicator go out as IF-018 to supplier, DS and MS")
    func ldsoData() throws {
        let tariff = try Self.change(.duosTariff("D07"), from: Self.ldso)
        #expect(Self.state(after: tariff)?.duosTariff == "D07")
        #expect(tariff.messages.map(\.eventCode) == ["[DUOSTariffIDChg]", "[DUOSTariffIDChg]", "[DUOSTariffIDChg]"])
        #expect(tariff.messages.map(\.recipient) == [P.oldSupplierID, Self.sdsID, Self.mssID])
        let domestic = try Self.change(.domesticPremise(.nonDomestic), from: Self.ldso)
        #expect(domestic.messages.first?.message.payload.CustomBlock["B028"]?["domesticPremiseIndicator"] == .bool(false))
    }

    @Test("supplier data, segment change, annual consumption, disconnection, reverse migration")
    func otherItems() throws {
        let profile = try Self.change(.legacyProfile(profileClass: 1, ssc: "0393"), from: P.asOldSupplier)
        #expect(Self.state(after: profile)?.standardSettlementConfiguration == "0393")
        #expect(profile.messages.first?.interfaceID == "IF-026")
        let segment = try Self.change(.marketSegment(.advanced, .lowVoltageCT), from: P.asOldSupplier)
        #expect(Self.state(after: segment)?.marketSegment == .advanced)
        #expect(segment.messages.first?.interfaceID == "IF-044")
        let consumption = try Self.change(
            .annualConsumption(AnnualConsumption(energy: Energy(wattHours: 2_900_000), quality: "A")), from: Self.ecs)
        #expect(Self.state(after: consumption)?.annualConsumption?.energy.wattHours == 2_900_000)
        #expect(consumption.messages.isEmpty)
        let disconnection = try Self.change(.disconnection(additionalInformation: nil), from: Self.ldso)
        #expect(Self.state(after: disconnection)?.supplier == nil)
        #expect(Self.state(after: disconnection)?.dataService == nil)
        #expect(disconnection.messages.map(\.interfaceID) == ["IF-009", "IF-009", "IF-009"])
        let reverse = try Self.change(.reverseMigration(.legacyNHH, cssRegistrationID: "rev-1"), from: P.asOldSupplier)
        #expect(Self.state(after: reverse)?.arrangement == .legacyNHH)
        #expect(reverse.messages.map(\.interfaceID) == ["IF-003"])
        #expect(reverse.messages[0].message.payload.CustomBlock["B094"]?["MHHSRegimeEndDate"]?.stringValue == "2026-11-01T23:59:59+00:00")
    }

    @Test(
        "each item has its owner: anyone else is rejected with a code",
        arguments: [
            ("REG0010", DataItemChange.Item.energisation(.deEnergised), P.asOldSupplier),
            ("REG0010", .energisation(.deEnergised), RequestSender(participant: try! MPID("MSSB"), role: .smartMeteringService)),
            ("REG0011", .duosTariff("D07"), P.asOldSupplier),
            ("REG0011", .disconnection(additionalInformation: nil), RequestSender(participant: try! MPID("EELC"), role: .distributor)),
            ("REG0006", .legacyProfile(profileClass: 1, ssc: "0393"), P.asNewSupplier),
            ("REG0006", .marketSegment(.advanced, .lowVoltageCT), ProcessFixtures.ldsoSender),
            ("REG0012", .annualConsumption(AnnualConsumption(energy: Energy(wattHours: 1), quality: "A")), P.asOldSupplier),
            ("REG0007", .energisation(.energised), DataItemChangeTests.meteringService),
            ("REG0008", .marketSegment(.unmetered, .wholeCurrent), P.asOldSupplier),
            ("REG0001", .duosTariff("D0007"), DataItemChangeTests.ldso),
            ("REG0001", .reverseMigration(.mhhs, cssRegistrationID: "x"), P.asOldSupplier),
        ] as [(String, DataItemChange.Item, RequestSender)])
    func rejections(code: String, item: DataItemChange.Item, sender: RequestSender) {
        do throws(RegistrationError) {
            _ = try Self.change(item, from: sender)
            Issue.record("\(code) expected")
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test("a change on a date before the registration is rejected as unknown")
    func beforeRegistration() {
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(
                .change(DataItemChange(mpan: F.mpan, effectiveFrom: F.date("2026-09-01"), item: .duosTariff("D07"))), from: Self.ldso,
                history: Self.history, context: Self.context)
            Issue.record("REG0005 expected")
        } catch {
            #expect(error.code == "REG0005")
        }
    }

    @Test("golden messages for IF-003, IF-006, IF-008, IF-009, IF-018, IF-026 and IF-044")
    func golden() throws {
        let files: [(String, DIPMessage)] = [
            (
                "REGS-IF-006-MeterInstall.json",
                try Self.change(.meterTechnicalDetails(Self.meterDetails), from: Self.meteringService).messages[0].message
            ),
            (
                "REGS-IF-008-EnergisationStatusChange.json",
                try Self.change(.energisation(.deEnergised), from: Self.meteringService).messages[0].message
            ),
            ("REGS-IF-018-DUOSTariffIDChg.json", try Self.change(.duosTariff("D07"), from: Self.ldso).messages[0].message),
            ("REGS-IF-018-DomPremInd.json", try Self.change(.domesticPremise(.nonDomestic), from: Self.ldso).messages[0].message),
            (
                "REGS-IF-026-SSCandProfileClass.json",
                try Self.change(.legacyProfile(profileClass: 1, ssc: "0393"), from: P.asOldSupplier).messages[0].message
            ),
            (
                "REGS-IF-044-MarketSegmentChange.json",
                try Self.change(.marketSegment(.advanced, .lowVoltageCT), from: P.asOldSupplier).messages[0].message
            ),
            (
                "REGS-IF-009-MPANDisconnection.json",
                try Self.change(.disconnection(additionalInformation: "meter removed"), from: Self.ldso).messages[0].message
            ),
            (
                "REGS-IF-003-ReverseMigNotification.json",
                try Self.change(.reverseMigration(.legacyNHH, cssRegistrationID: "rev-1"), from: P.asOldSupplier).messages[0].message
            ),
        ]
        try GoldenMessages.check(files)
    }
}

extension ProcessFixtures {
    static let ldsoSender = RequestSender(participant: try! MPID("LOND"), role: .distributor)
}
