import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import Testing

@Suite("IF-021 decoder")
struct IF021DecoderTests {
    static func message(mpan: String = "2000000000015", periods: String? = nil, extra: String = "") -> String {
        let body =
            periods
            ?? (1...48).map { slot in
                let end = UTCInstant(utcMidnightOfDay: 20_394).adding(seconds: Int64(slot) * 1_800)
                return
                    "{\"sp\":\"\(DIPDateTime(end).text)\",\"v\":\"0.\(String(format: "%03d", slot))\",\"q\":\"A\",\"e\":null,\"arc\":null}"
            }.joined(separator: ",")
        return """
            {"payload":{"CommonBlock":{"S0":{"interfaceID":"IF-021","schemaVersion":"011","eventCode":"[ActivePower]"},\(extra)\
            "S1":{"environmentTag":"PRD","subText":null,"senderUniqueReference":"S-IF-021-1401234567-SDS-20251105-a1",\
            "senderTimestamp":"2025-11-05T01:00:00+00:00","senderDIPID":"1401234567","senderRoleID":"SDS","senderCorrelationID":null,\
            "DIPConnectionProviderID":null},"M0":{"MPANCore":"\(mpan)","distributorDIPID":"2000000000","GSPGroupID":"_H"}},\
            "CustomBlock":{"B044":{"issuingDataServiceDIPID":"1401234567"},"B067":{"connectionTypeIndicator":"W",\
            "connectionTypeEffectiveFromDate":"2025-01-01T00:00:00+00:00"},"B900":{"MQID":{"measurementQuantityID":"AI"},\
            "settlementDayConsumptionPeriods":[{"settlementDay":{"settlementDayDate":"2025-11-04T00:00:00+00:00","periodDuration":30},\
            "consumptionPeriods":[\(body)]}]}}}}
            """
    }

    @Test func readsTheHubsGoldenMessageExactly() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MHHSHubTests/Fixtures/dip/IF-021-ActivePower.json")
        let items = try IF021Decoder.decode(Array(try Data(contentsOf: url)))
        guard case .submission(let submission)? = items.first else { Issue.record("not decoded: \(items)"); return }
        #expect(items.count == 1)
        #expect(submission.mpan.description == "2000056535971")
        #expect(submission.measurementQuantity == .activeImport)
        #expect(submission.days.count == 1)
        #expect(submission.days[0].periods.count == 48)
        #expect(submission.days[0].periods[0].energyWh == 180)
        #expect(submission.days[0].periods[0].quality == .actual)
        #expect(submission.days[0].periods[47].end == (try UTCDay(settlementDayDate: "2026-11-03T00:00:00+00:00")).midnight)
    }

    @Test func readsArraysAndJSONLinesAlike() throws {
        let array = try IF021Decoder.decode(Array("[\(Self.message()),\(Self.message(mpan: "2000000000024"))]".utf8))
        let lines = try IF021Decoder.decode(Array("\(Self.message())\n\(Self.message(mpan: "2000000000024"))\n".utf8))
        #expect(array.count == 2 && lines.count == 2)
        for (left, right) in zip(array, lines) {
            guard case .submission(let a) = left, case .submission(let b) = right else { Issue.record("not decoded"); continue }
            #expect(a == b)
            #expect(a.days[0].periods.map(\.energyWh) == Array(1...48).map(Int64.init))
        }
    }

    @Test(arguments: [
        ("\"v\":\"0.25\"", "v"), ("\"v\":\"1234567890.000\"", "v"), ("\"q\":\"X\"", "q"), ("\"sp\":\"2025-11-04T00:30:00Z\"", "sp"),
        ("\"e\":\"11\"", "e"),
    ])
    func refusesOneMessageWithAMalformedFieldAndKeepsTheRest(replacement: String, field: String) throws {
        let key = replacement.split(separator: ":")[0]
        let good = Self.message()
        var bad = good
        let pattern = "\(key):[^,}]*"
        let range = try #require(bad.range(of: pattern, options: .regularExpression))
        bad.replaceSubrange(range, with: replacement)
        let items = try IF021Decoder.decode(Array("[\(bad),\(good)]".utf8))
        guard case .malformed(let malformed) = items[0], case .submission = items[1] else {
            Issue.record("expected one malformed then one good: \(items)")
            return
        }
        #expect(malformed.path.hasSuffix(field))
        #expect(malformed.position == 0)
    }

    @Test func refusesTheWholeInputOnASyntaxError() {
        #expect(throws: JSONParser.Failure.self) { try IF021Decoder.decode(Array("[\(Self.message()),{\"payload\":".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try IF021Decoder.decode(Array("[\(Self.message())]]".utf8)) }
    }

    @Test func refusesADuplicatedMember() throws {
        let doubled = Self.message(extra: "\"S0\":{\"interfaceID\":\"IF-021\",\"schemaVersion\":\"011\",\"eventCode\":\"[ActivePower]\"},")
        guard case .malformed(let malformed) = try IF021Decoder.decode(Array(doubled.utf8))[0] else {
            Issue.record("a doubled S0 was accepted")
            return
        }
        #expect(malformed.reason == "appears twice")
    }
}
