import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import Testing

@testable import MHHSDataServices

/// Consumption amendments (IF-027 → IF-028 and new IF-021s), and the messages the data
/// services send, against the DIP specification.
@Suite("Consumption amendments and data service messages")
struct AmendmentTests {
    static let at = UTCInstant(secondsSinceEpoch: 1_795_000_000)

    static func fixture(_ name: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    static func golden(_ name: String, _ value: JSONValue) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dip/\(name)")
        let bytes = JSONWriter.bytes(.array([value]))
        if ProcessInfo.processInfo.environment["MHHS_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: url)
            return
        }
        #expect(Array(try Data(contentsOf: url)) == bytes, "\(name) differs from the golden file (MHHS_UPDATE_GOLDEN=1 rewrites it)")
    }

    static func run(_ service: DataServiceKind = .smart) -> DataServiceRun {
        DataServiceRun(
            service: service, estimator: SeriesEstimator(service: service, shapes: EstimationTests.library()), dipID: "1400000001",
            distributorDIPID: { _ in "2100000001" })
    }

    /// 5.928 kWh over the 48 half hours from noon to noon is one day of the shape, so every half
    /// hour gets exactly its shape value: resent as E8, reason 9, arc A, on two UTC days.
    @Test func anAcceptedAmendmentResendsTheSpanByShape() throws {
        let message = try #require(try Self.fixture("IF-027-ConsumptionAmendment.json")[0])
        #expect(DIPSchemaValidator.validate(message) == nil, "the fixture itself must pass the specification")
        let request = try AmendmentRequest(message: message)
        let outcome = AmendmentProcessor(run: Self.run()).process(request, profile: EstimationTests.profile, message: message, at: Self.at)
        #expect(outcome.accepted)
        #expect(outcome.submissions.count == 2)
        let periods = outcome.submissions.flatMap { $0.days.flatMap(\.periods) }
        #expect(periods.count == 48 && periods.reduce(0) { $0 + $1.energyWh } == 5_928)
        let firstEnd = try DIPDateTime("2026-11-10T12:30:00+00:00").instant
        #expect(periods.first?.end == firstEnd)
        #expect(periods.first?.energyWh == 124 && periods.last?.energyWh == 123)
        #expect(
            periods.allSatisfy { $0.quality.description == "E8" && $0.estimationReason == 9 && $0.amendmentReason == UInt8(ascii: "A") })
        #expect(outcome.response["payload"]?["CommonBlock"]?["R0"]?["responseCode"]?.stringValue == "A")
        #expect(DIPSchemaValidator.validate(outcome.response) == nil)
        let resent = IF021Message.build(outcome.submissions[0], at: Self.at)
        #expect(DIPSchemaValidator.validate(resent) == nil)
        try Self.golden("IF-028-ConsumptionAmendment-accepted.json", outcome.response)
        try Self.golden("IF-021-ActivePower-amended.json", resent)
    }

    @Test func aBadAmendmentIsRejectedWholeAndResendsNothing() throws {
        let message = try #require(try Self.fixture("IF-027-ConsumptionAmendment.json")[0])
        var request = try AmendmentRequest(message: message)
        request.amendments.append(request.amendments[0])
        request.amendments[1].end = request.amendments[1].start
        let outcome = AmendmentProcessor(run: Self.run()).process(request, profile: EstimationTests.profile, message: message, at: Self.at)
        #expect(!outcome.accepted && outcome.submissions.isEmpty)
        #expect(outcome.messages.contains("amendment 2: the start is not before the end"))
        #expect(outcome.response["payload"]?["CommonBlock"]?["R0"]?["responseCode"]?.stringValue == "R")
        #expect(DIPSchemaValidator.validate(outcome.response) == nil)
        let unregistered = AmendmentProcessor(run: Self.run()).process(request, profile: nil, message: message, at: Self.at)
        #expect(unregistered.messages.first == "MPAN 1000000000012 is not registered")
        let wrongService = AmendmentProcessor(run: Self.run(.advanced)).process(
            try AmendmentRequest(message: message), profile: EstimationTests.profile, message: message, at: Self.at)
        #expect(!wrongService.accepted)
    }

    @Test func malformedRequestsNameTheField() throws {
        var message = try #require(try Self.fixture("IF-027-ConsumptionAmendment.json")[0])
        guard case .object(var root) = message, case .object(var payload)? = root["payload"],
            case .object(var custom)? = payload["CustomBlock"]
        else { Issue.record("fixture shape"); return }
        custom["B902List"] = .array([])
        payload["CustomBlock"] = .object(custom)
        root["payload"] = .object(payload)
        message = .object(root)
        #expect(throws: AmendmentError(path: "CustomBlock.B902List", reason: "expected one MQ entry")) {
            try AmendmentRequest(message: message)
        }
    }

    /// A smart day, an advanced reactive day and a UMS day, as IF-021, each valid.
    @Test func dataServiceMessagesPassTheSpecification() throws {
        let utcDay = EstimationTests.day("2026-11-10")
        let readings = MeterReadings(intervals: (0..<40).map { EstimationTests.interval(utcDay.periodEnd(slot: $0), 250) })
        let smart = Self.run().run(
            day: utcDay, readings: readings, profiles: [EstimationTests.mpan: EstimationTests.profile], at: Self.at)
        #expect(smart.findings.isEmpty && smart.submissions.count == 1)
        let smartMessage = IF021Message.build(smart.submissions[0], at: Self.at)
        #expect(DIPSchemaValidator.validate(smartMessage) == nil)
        try Self.golden("IF-021-ActivePower-SDS.json", smartMessage)

        var advanced = EstimationTests.profile
        advanced.connectionType = .highVoltageCT
        advanced.marketSegment = .advanced
        let reactive = MeterReadings(
            intervals: (0..<48).map {
                IntervalRead(
                    mpan: EstimationTests.mpan, quantity: .reactiveExport, end: utcDay.periodEnd(slot: $0), energyWh: 1_234, line: 0)
            })
        let ads = Self.run(.advanced).run(day: utcDay, readings: reactive, profiles: [EstimationTests.mpan: advanced], at: Self.at)
        let adsMessage = IF021Message.build(try #require(ads.submissions.first), at: Self.at)
        #expect(adsMessage["payload"]?["CommonBlock"]?["S0"]?["eventCode"]?.stringValue == "[ReactivePower]")
        #expect(DIPSchemaValidator.validate(adsMessage) == nil)
        try Self.golden("IF-021-ReactivePower-ADS.json", adsMessage)

        // The smart service refuses reactive data, and data for an MPAN it does not know.
        let refused = Self.run().run(
            day: utcDay, readings: reactive, profiles: [EstimationTests.mpan: EstimationTests.profile], at: Self.at)
        #expect(refused.submissions.isEmpty && refused.findings.map(\.kind) == [.wrongSegment])
        #expect(Self.run().run(day: utcDay, readings: readings, profiles: [:], at: Self.at).findings.map(\.kind) == [.notInRegister])

        var lamp = EstimationTests.profile
        lamp.connectionType = .unmetered
        lamp.marketSegment = .unmetered
        let inventory = try UMSInventory(csv: "mpan,charge_code,quantity,switch_regime\n1000000000012,4200500000100,100,821\n")
        let ums = UMSDataService(run: Self.run(.unmetered)).run(
            day: utcDay, inventory: inventory, profiles: [EstimationTests.mpan: lamp], at: Self.at)
        let umsMessage = IF021Message.build(try #require(ums.submissions.first), at: Self.at)
        #expect(DIPSchemaValidator.validate(umsMessage) == nil)
        try Self.golden("IF-021-ActivePower-UMSDS.json", umsMessage)
    }
}
