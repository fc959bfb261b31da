import MHHSMessages

/// The common-block fields the hub reads from a message, picked out of parsed JSON without
/// trusting its shape (validation may not have run, or may have failed).
struct MessageFields {
    let message: [String: JSONValue]
    let common: [String: JSONValue]

    init?(_ value: JSONValue) {
        guard case .object(let message) = value, case .object(let payload)? = message["payload"],
            case .object(let common)? = payload["CommonBlock"]
        else { return nil }
        self.message = message
        self.common = common
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
        var common = self.common
        common["A0"] = .object([
            "primaryRecipients": .array(primary.map(JSONValue.string)),
            "secondaryRecipients": .array(secondary.map(JSONValue.string)),
            "always": .array(always.map(JSONValue.string)),
        ])
        common["D0"] = nil
        var message = self.message
        guard case .object(var payload)? = message["payload"] else { return [] }
        payload["CommonBlock"] = .object(common)
        message["payload"] = .object(payload)
        return JSONWriter.bytes(.object(message))
    }
}
