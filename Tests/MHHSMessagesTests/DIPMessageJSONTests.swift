import Foundation
import MHHSMessages
import Testing

/// Messages written by the project's JSON writer carry exactly what Foundation's coders write
/// (the outbox switched from one to the other), and each reads the other's.
@Suite("DIP messages as JSON without Foundation's coders")
struct DIPMessageJSONTests {
    static let everyBlock: DIPMessage = {
        var message = DIPMessage(
            common: CommonBlock(
                S0: SchemaBlock(interfaceID: "IF-033", schemaVersion: "1.0", eventCode: "[DSAppSPRequest]"),
                S1: SenderBlock(
                    environmentTag: "SIT", senderUniqueReference: "REF-1/a", senderTimestamp: "2026-11-02T09:00:00.000Z",
                    senderDIPID: "1000000001", senderRoleID: "REGS"),
                A0: AddressingBlock(primaryRecipients: ["1400000001", nil], secondaryRecipients: [], always: [nil]),
                D0: DIPBlock(transactionID: "T1", transactionTimestamp: "2026-11-02T09:00:01.000Z", publicationID: "P1"),
                M0: MPANBlock(MPANCore: "1000000000017", distributorDIPID: "2000000000", GSPGroupID: "_A"),
                R0: ResponseBlock(responseCode: "A", responseMessages: [nil, "ok \"quoted\" \\ back/slash\nline"])),
            custom: [
                "B071": [
                    "proposedDataServiceMPID": "SDSA", "consentGranularity": "H",
                    "nested": ["list": [1, -2, 30_000_000_000], "flag": true],
                ],
                "B900": ["empty": [:], "none": nil],
            ])
        message.payload.CommonBlock.S1.subText = nil
        return message
    }()

    static let noOptionalBlocks = DIPMessage(
        common: CommonBlock(
            S0: SchemaBlock(interfaceID: "IF-021", schemaVersion: "1.0", eventCode: "[ActivePower]"),
            S1: SenderBlock(
                environmentTag: "SIT", subText: "sub", senderUniqueReference: "R", senderTimestamp: "2026-11-02T09:00:00.000Z",
                senderDIPID: "1401234567", senderRoleID: "SDS", senderCorrelationID: "C", DIPConnectionProviderID: "X")),
        custom: ["B044": ["value": 12]])

    static func foundation(_ message: DIPMessage) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(message))
    }

    @Test(arguments: [everyBlock, noOptionalBlocks])
    func sameBytesAsFoundation(_ message: DIPMessage) throws {
        #expect(String(decoding: message.jsonBytes(), as: UTF8.self) == String(decoding: try Self.foundation(message), as: UTF8.self))
    }

    @Test(arguments: [everyBlock, noOptionalBlocks])
    func eachReadsTheOther(_ message: DIPMessage) throws {
        #expect(try DIPMessage(jsonBytes: try Self.foundation(message)) == message)
        #expect(try JSONDecoder().decode(DIPMessage.self, from: Data(message.jsonBytes())) == message)
    }

    @Test func aMissingMemberIsNamed() throws {
        let broken = Array(#"{"payload":{"CommonBlock":{"S0":{"interfaceID":"IF-021","schemaVersion":"1.0"}},"CustomBlock":{}}}"#.utf8)
        #expect(throws: JSONShapeError(path: "S1")) { try DIPMessage(jsonBytes: broken) }
    }
}
