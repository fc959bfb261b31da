/// A message as `JSONValue` and back, without Foundation's coders: stores write and read every
/// outbox message, and `JSONEncoder`/`JSONDecoder` were most of that cost. The members are
/// exactly those the `Codable` conformance writes (nullable fields as `null`, absent optional
/// blocks left out), so either reads what the other wrote.
extension DIPMessage {
    public var jsonValue: JSONValue {
        .object(["payload": .object(["CommonBlock": payload.CommonBlock.jsonValue, "CustomBlock": .object(payload.CustomBlock)])])
    }

    /// The message's compact JSON with sorted member names.
    public func jsonBytes() -> [UInt8] { JSONWriter.bytes(jsonValue) }

    public init(json: JSONValue) throws(JSONShapeError) {
        let payload = try json.member("payload")
        guard case .object(let custom) = try payload.member("CustomBlock") else { throw JSONShapeError(path: "payload.CustomBlock") }
        self.init(common: try CommonBlock(json: try payload.member("CommonBlock")), custom: custom)
    }

    /// Parses a message stored as JSON.
    public init(jsonBytes: some Collection<UInt8>) throws {
        try self.init(json: try JSONParser.parse(jsonBytes))
    }
}

/// A JSON document that parsed but is not the shape expected: `path` names the member.
public struct JSONShapeError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public init(path: String) { self.path = path }
    public var description: String { "JSON member \(path) is missing or of the wrong type" }
}

extension JSONValue {
    /// The member `key` of an object (any value, `null` included), or a shape error.
    public func member(_ key: String) throws(JSONShapeError) -> JSONValue {
        guard case .object(let members) = self, let value = members[key] else { throw JSONShapeError(path: key) }
        return value
    }

    public func text(_ key: String) throws(JSONShapeError) -> String {
        guard case .string(let text) = try member(key) else { throw JSONShapeError(path: key) }
        return text
    }

    /// A nullable string member: nil when absent or `null`.
    public func optionalText(_ key: String) throws(JSONShapeError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw JSONShapeError(path: key)
        }
    }

    /// An array of nullable strings (the addressing lists, response messages).
    public func optionalTexts(_ key: String) throws(JSONShapeError) -> [String?] {
        guard case .array(let items) = try member(key) else { throw JSONShapeError(path: key) }
        return try items.map { item throws(JSONShapeError) -> String? in
            switch item {
            case .null: return nil
            case .string(let text): return text
            default: throw JSONShapeError(path: key)
            }
        }
    }

    static func strings(_ texts: [String?]) -> JSONValue { .array(texts.map(JSONValue.string)) }
}

extension CommonBlock {
    var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["S0": S0.jsonValue, "S1": S1.jsonValue]
        if let A0 {
            members["A0"] = .object([
                "primaryRecipients": .strings(A0.primaryRecipients), "secondaryRecipients": .strings(A0.secondaryRecipients),
                "always": .strings(A0.always),
            ])
        }
        if let D0 { members["D0"] = D0.jsonValue }
        if let M0 {
            members["M0"] = .object([
                "MPANCore": .string(M0.MPANCore), "distributorDIPID": .string(M0.distributorDIPID), "GSPGroupID": .string(M0.GSPGroupID),
            ])
        }
        if let R0 {
            members["R0"] = .object(["responseCode": .string(R0.responseCode), "responseMessages": .strings(R0.responseMessages)])
        }
        return .object(members)
    }

    init(json: JSONValue) throws(JSONShapeError) {
        let s0 = try json.member("S0")
        let s1 = try json.member("S1")
        self.init(
            S0: SchemaBlock(
                interfaceID: try s0.text("interfaceID"), schemaVersion: try s0.text("schemaVersion"), eventCode: try s0.text("eventCode")),
            S1: SenderBlock(
                environmentTag: try s1.text("environmentTag"), subText: try s1.optionalText("subText"),
                senderUniqueReference: try s1.text("senderUniqueReference"), senderTimestamp: try s1.text("senderTimestamp"),
                senderDIPID: try s1.text("senderDIPID"), senderRoleID: try s1.text("senderRoleID"),
                senderCorrelationID: try s1.optionalText("senderCorrelationID"),
                DIPConnectionProviderID: try s1.optionalText("DIPConnectionProviderID")))
        if let a0 = json["A0"], a0 != .null {
            A0 = AddressingBlock(
                primaryRecipients: try a0.optionalTexts("primaryRecipients"),
                secondaryRecipients: try a0.optionalTexts("secondaryRecipients"),
                always: try a0.optionalTexts("always"))
        }
        if let d0 = json["D0"], d0 != .null {
            guard case .bool(let replay) = try d0.member("replayIndicator") else { throw JSONShapeError(path: "D0.replayIndicator") }
            D0 = DIPBlock(
                transactionID: try d0.text("transactionID"), transactionTimestamp: try d0.text("transactionTimestamp"),
                publicationID: try d0.text("publicationID"), initialCorrelationID: try d0.optionalText("initialCorrelationID"),
                replayIndicator: replay, serviceTicketURL: try d0.optionalText("serviceTicketURL"))
        }
        if let m0 = json["M0"], m0 != .null {
            M0 = MPANBlock(
                MPANCore: try m0.text("MPANCore"), distributorDIPID: try m0.text("distributorDIPID"), GSPGroupID: try m0.text("GSPGroupID"))
        }
        if let r0 = json["R0"], r0 != .null {
            R0 = ResponseBlock(responseCode: try r0.text("responseCode"), responseMessages: try r0.optionalTexts("responseMessages"))
        }
    }
}

extension SchemaBlock {
    var jsonValue: JSONValue {
        .object(["interfaceID": .string(interfaceID), "schemaVersion": .string(schemaVersion), "eventCode": .string(eventCode)])
    }
}

extension SenderBlock {
    var jsonValue: JSONValue {
        .object([
            "environmentTag": .string(environmentTag), "subText": .string(subText), "senderUniqueReference": .string(senderUniqueReference),
            "senderTimestamp": .string(senderTimestamp), "senderDIPID": .string(senderDIPID), "senderRoleID": .string(senderRoleID),
            "senderCorrelationID": .string(senderCorrelationID), "DIPConnectionProviderID": .string(DIPConnectionProviderID),
        ])
    }
}

extension DIPBlock {
    var jsonValue: JSONValue {
        .object([
            "transactionID": .string(transactionID), "transactionTimestamp": .string(transactionTimestamp),
            "publicationID": .string(publicationID), "initialCorrelationID": .string(initialCorrelationID),
            "replayIndicator": .bool(replayIndicator), "serviceTicketURL": .string(serviceTicketURL),
        ])
    }
}
