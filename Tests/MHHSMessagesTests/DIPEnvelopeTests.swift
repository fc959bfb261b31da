import Foundation
import MHHSCore
import MHHSTestSupport
import Testing

@testable import MHHSMessages

@Suite("DIP envelope")
struct DIPEnvelopeTests {
    /// Compares two JSON documents as values (key order and spacing aside).
    static func sameJSON(_ a: Data, _ b: Data) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: a) as? NSArray
        let right = try JSONSerialization.jsonObject(with: b) as? NSArray
        return left != nil && left == right
    }

    @Test(
        "the reference IF-021 message decodes and encodes back to the same JSON, nulls included",
        .enabled(if: ReferenceData.has("examples/IF-021-ActivePower.json"), Comment(rawValue: ReferenceData.missingMessage)))
    func roundTrip() throws {
        let original = try Data(contentsOf: ReferenceData.path("examples/IF-021-ActivePower.json")!)
        let messages = try JSONDecoder().decode([DIPMessage].self, from: original)
        #expect(messages.count == 1)
        let common = messages[0].payload.CommonBlock
        #expect(common.S0.interfaceID == "IF-021" && common.S0.eventCode == "[ActivePower]")
        #expect(common.S1.subText == nil && common.M0?.GSPGroupID == "_H")
        #expect(messages[0].payload.CustomBlock["B900"]?["MQID"]?["measurementQuantityID"]?.stringValue == "AI")
        #expect(try Self.sameJSON(try DIPMessage.jsonArray(messages), original))
    }

    @Test("required nullable S1 and D0 fields are written as null")
    func nulls() throws {
        let sender = SenderBlock(
            environmentTag: "SIT", senderUniqueReference: "S-IF-001-1234567890-REGS-20261102-1",
            senderTimestamp: "2026-11-02T00:00:00+00:00",
            senderDIPID: "1234567890", senderRoleID: "REGS")
        let json = String(decoding: try JSONEncoder().encode(sender), as: UTF8.self)
        #expect(
            json.contains("\"subText\":null") && json.contains("\"senderCorrelationID\":null")
                && json.contains("\"DIPConnectionProviderID\":null"))
        let hub = DIPBlock(transactionID: "T1", transactionTimestamp: "2026-11-02T00:00:00+00:00", publicationID: "PUB-001")
        let hubJSON = String(decoding: try JSONEncoder().encode(hub), as: UTF8.self)
        #expect(hubJSON.contains("\"initialCorrelationID\":null") && hubJSON.contains("\"serviceTicketURL\":null"))
    }

    @Test("sender unique references follow the specification's pattern")
    func senderReferences() throws {
        let reference = SenderUniqueReference.make(
            interface: "IF-001", sender: try DIPID("1234567890"), role: .registrationService, date: try SettlementDate("2026-11-02"),
            suffix: "42")
        #expect(reference == "S-IF-001-1234567890-REGS-20261102-42")
        #expect(SenderUniqueReference.isValid(reference))
        #expect(SenderUniqueReference.isValid("S-021-1401234567-SDS-20261103-abc123"))
        for bad in [
            "S-IF-001-123456789-REGS-20261102-1", "S-IF-001-1234567890-regs-20261102-1", "S-IF-001-1234567890-REGS-2026110-1",
            "S-IF-001-1234567890-REGS-20261102-", "X-IF-001-1234567890-REGS-20261102-1", "S-XX-001-1234567890-REGS-20261102-1",
        ] {
            #expect(!SenderUniqueReference.isValid(bad), "\(bad)")
        }
    }
}
