/// A market participant id: four upper-case letters (e.g. supplier `EMEB`).
public struct MPID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: some StringProtocol) throws(IdentifierError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4, bytes.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            throw IdentifierError(kind: "MPID", text: String(text), expected: "4 upper-case letters A–Z")
        }
        self.value = String(text)
    }

    init(unchecked value: String) { self.value = value }

    public var description: String { value }

    public static func < (lhs: MPID, rhs: MPID) -> Bool { lhs.value < rhs.value }
}

/// A DIP participant id: ten digits.
public struct DIPID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: some StringProtocol) throws(IdentifierError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw IdentifierError(kind: "DIP participant id", text: String(text), expected: "10 digits")
        }
        self.value = String(text)
    }

    public var description: String { value }

    public static func < (lhs: DIPID, rhs: DIPID) -> Bool { lhs.value < rhs.value }
}

extension MPID: Codable {
    public init(from decoder: any Decoder) throws {
        self = try MPID(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension DIPID: Codable {
    public init(from decoder: any Decoder) throws {
        self = try DIPID(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
