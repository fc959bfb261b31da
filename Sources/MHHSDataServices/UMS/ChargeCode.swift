import MHHSCore

/// A 13-digit UMS charge code: the kind of unmetered apparatus, which fixes its circuit watts.
///
/// LED codes carry their wattage [C]: `42` + watts (4 digits) + `0000` + `100`, so
/// `4200500000100` is a 50 W LED. Every other code's wattage comes from a ``ChargeCodeTable``.
public struct ChargeCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 13 digits.
    public let text: String

    /// Parses and validates 13 ASCII digits.
    public init(_ text: some StringProtocol) throws(ChargeCodeError) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 13 else {
            throw .format(text: String(text), reason: "has \(scalars.count) characters; expected 13 digits")
        }
        if let position = scalars.firstIndex(where: { !("0"..."9").contains($0) }) {
            throw .format(text: String(text), reason: "has a non-digit at position \(position + 1)")
        }
        self.text = String(text)
    }

    /// The LED code for a wattage of 1–9,999 W.
    public static func led(watts: Int) throws(ChargeCodeError) -> ChargeCode {
        guard (1...9_999).contains(watts) else { throw .invalidWatts(code: "LED", watts: watts, allowed: 1...9_999) }
        let digits = String(watts)
        return try ChargeCode("42" + String(repeating: "0", count: 4 - digits.count) + digits + "0000100")
    }

    /// The circuit watts of an LED code; nil when the code is not one (or says 0 W).
    public var ledWatts: Int? {
        let digits = Array(text.utf8)
        guard digits[0] == UInt8(ascii: "4"), digits[1] == UInt8(ascii: "2"),
            digits[6..<10].allSatisfy({ $0 == UInt8(ascii: "0") }),
            digits[10] == UInt8(ascii: "1"), digits[11] == UInt8(ascii: "0"), digits[12] == UInt8(ascii: "0")
        else { return nil }
        let watts = digits[2..<6].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return watts > 0 ? watts : nil
    }

    public var description: String { text }

    public static func < (lhs: ChargeCode, rhs: ChargeCode) -> Bool { lhs.text < rhs.text }
}

extension ChargeCode: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ChargeCode(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Circuit watts of the charge codes that do not carry their own (lamps with control gear,
/// signs, bollards…), as the UMSO's standing data supplies them.
///
/// [A] A table entry wins over the LED rule, so a published figure can correct a code; watts are
/// 1–100,000 per unit.
public struct ChargeCodeTable: Hashable, Sendable {
    public static let wattsRange = 1...100_000

    public let circuitWatts: [ChargeCode: Int]

    /// An empty table: only LED codes are known.
    public init() { circuitWatts = [:] }

    /// Validates every code and wattage of a code → circuit watts table.
    public init(circuitWatts table: [String: Int]) throws(ChargeCodeError) {
        var checked: [ChargeCode: Int] = [:]
        for (text, watts) in table {
            let code = try ChargeCode(text)
            guard Self.wattsRange.contains(watts) else { throw .invalidWatts(code: text, watts: watts, allowed: Self.wattsRange) }
            checked[code] = watts
        }
        circuitWatts = checked
    }

    /// The circuit watts of one unit of `code`.
    public func watts(for code: ChargeCode) throws(ChargeCodeError) -> Int {
        if let watts = circuitWatts[code] ?? code.ledWatts { return watts }
        throw .unknown(code: code.text)
    }
}

/// Why a charge code is invalid or has no wattage.
public enum ChargeCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case format(text: String, reason: String)
    /// Not an LED code and not in the table.
    case unknown(code: String)
    case invalidWatts(code: String, watts: Int, allowed: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .format(let text, let reason): "charge code '\(text)' \(reason)"
        case .unknown(let code): "charge code \(code) is not an LED code and has no circuit watts in the charge code table"
        case .invalidWatts(let code, let watts, let allowed):
            "charge code \(code): \(watts) W is outside \(allowed.lowerBound)–\(allowed.upperBound) W"
        }
    }
}
