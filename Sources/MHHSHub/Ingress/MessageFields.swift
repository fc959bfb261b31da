import MHHSMessages

/// The common-block fields the hub reads from a message, picked out of parsed JSON without
/// trusting its shape (validation may not have run, or may have failed).
struct MessageFields: Sendable {
    let message: [String: JSONValue]
    let common: [String: JSONValue]
    /// The request body and this message's bytes in it, when known: publishing then copies the
    /// message and rewrites only its common block.
    let source: (body: [UInt8], range: Range<Int>)?

    init?(_ value: JSONValue, source: (body: [UInt8], range: Range<Int>)? = nil) {
        guard case .object(let message) = value, case .object(let payload)? = message["payload"],
            case .object(let common)? = payload["CommonBlock"]
        else { return nil }
        self.message = message
        self.common = common
        self.source = source
    }

    func text(_ block: String, _ field: String) -> String? { common[block]?[field]?.stringValue }

    var interfaceID: String? { text("S0", "interfaceID") }
    var eventCode: String? { text("S0", "eventCode") }
    var senderDIPID: String? { text("S1", "senderDIPID") }
    var senderRoleID: String? { text("S1", "senderRoleID") }
    var senderReference: String? { text("S1", "senderUniqueReference") }
    var senderTimestamp: String? { text("S1", "senderTimestamp") }
    var correlationID: String? { text("S1", "senderCorrelationID") }
    var mpanCore: String? { text("M0", "MPANCore") }
    var distributorDIPID: String? { text("M0", "distributorDIPID") }

    var primaryRecipients: [String] {
        guard case .array(let items)? = common["A0"]?["primaryRecipients"] else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// The message as published: A0 as routed, no D0 (the hub stamps it per delivery).
    func published(primary: [String], secondary: [String], always: [String]) -> [UInt8] {
        let addressing: JSONValue = .object([
            "primaryRecipients": .array(primary.map(JSONValue.string)),
            "secondaryRecipients": .array(secondary.map(JSONValue.string)),
            "always": .array(always.map(JSONValue.string)),
        ])
        if let source, let spliced = Self.splice(addressing, into: source.body, message: source.range) { return spliced }
        var common = self.common
        common["A0"] = addressing
        common["D0"] = nil
        var message = self.message
        guard case .object(var payload)? = message["payload"] else { return [] }
        payload["CommonBlock"] = .object(common)
        message["payload"] = .object(payload)
        return JSONWriter.bytes(.object(message))
    }

    /// The message's own bytes with its common block's A0 replaced and D0 dropped; every other
    /// byte (the custom block above all) is copied as it came. Nil if the text is not shaped
    /// as expected, and the caller writes the message from its parsed value instead.
    static func splice(_ addressing: JSONValue, into body: [UInt8], message range: Range<Int>) -> [UInt8]? {
        let scanner = JSONMemberScanner(body)
        guard let payload = scanner.members(of: range).first(where: { $0.key == "payload" }),
            let common = scanner.members(of: payload.value).first(where: { $0.key == "CommonBlock" })
        else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(range.count + 200)
        output += body[range.lowerBound..<common.value.lowerBound]
        output.append(UInt8(ascii: "{"))
        for member in scanner.members(of: common.value) where member.key != "A0" && member.key != "D0" {
            output += body[member.range]
            output.append(UInt8(ascii: ","))
        }
        output += Array(#""A0":"#.utf8)
        JSONWriter.write(addressing, into: &output)
        output.append(UInt8(ascii: "}"))
        output += body[common.value.upperBound..<range.upperBound]
        return output
    }
}
