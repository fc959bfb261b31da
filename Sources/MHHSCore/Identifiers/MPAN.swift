/// A 13-digit MPAN core: distributor id (2 digits), a unique number (10) and a check digit.
///
/// The check digit is `(Σ dᵢ·pᵢ, i = 1…12) mod 11 mod 10` with the prime weights in
/// ``checkDigitWeights``; every initialiser validates it, so an `MPAN` value is always valid.
public struct MPAN: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The weights of the first twelve digits in the check-digit sum.
    public static let checkDigitWeights: [Int] = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]

    /// The core as an integer (leading zeros are impossible: distributor ids start at 10).
    public let value: Int64

    /// Parses and validates a 13-digit core.
    public init(_ text: some StringProtocol) throws(MPANError) {
        let digits = try Self.digits(of: text, expectedLength: 13)
        let expected = Self.checkDigit(forFirstTwelve: digits[0..<12])
        guard digits[12] == expected else {
            throw .checkDigit(core: String(text), expected: expected, found: digits[12])
        }
        self.value = digits.reduce(0) { $0 * 10 + Int64($1) }
    }

    /// Builds a core from a distributor id and a 10-digit unique number, computing the check digit.
    public init(distributor: DistributorID, uniqueNumber: Int64) throws(MPANError) {
        guard (0..<10_000_000_000).contains(uniqueNumber) else {
            throw .uniqueNumberOutOfRange(uniqueNumber)
        }
        var twelve: [Int] = []
        twelve.reserveCapacity(13)
        var rest = uniqueNumber
        var tail: [Int] = Array(repeating: 0, count: 10)
        for index in stride(from: 9, through: 0, by: -1) {
            tail[index] = Int(rest % 10)
            rest /= 10
        }
        twelve.append(distributor.value / 10)
        twelve.append(distributor.value % 10)
        twelve.append(contentsOf: tail)
        let check = Self.checkDigit(forFirstTwelve: twelve[0..<12])
        self.value = (Int64(distributor.value) * 10_000_000_000 + uniqueNumber) * 10 + Int64(check)
    }

    /// The check digit for the first twelve digits of a core.
    public static func checkDigit(forFirstTwelve digits: ArraySlice<Int>) -> Int {
        precondition(digits.count == 12, "a check digit covers exactly 12 digits")
        var sum = 0
        for (digit, weight) in zip(digits, checkDigitWeights) { sum += digit * weight }
        return sum % 11 % 10
    }

    /// The distributor id: the first two digits.
    public var distributor: DistributorID { DistributorID(unchecked: Int(value / 100_000_000_000)) }

    /// The 13-digit text of the core.
    public var description: String { String(value) }

    public static func < (lhs: MPAN, rhs: MPAN) -> Bool { lhs.value < rhs.value }

    static func digits(of text: some StringProtocol, expectedLength: Int) throws(MPANError) -> [Int] {
        let characters = Array(text.unicodeScalars)
        guard characters.count == expectedLength else {
            throw .length(text: String(text), expected: expectedLength, found: characters.count)
        }
        var digits: [Int] = []
        digits.reserveCapacity(expectedLength)
        for (offset, scalar) in characters.enumerated() {
            guard ("0"..."9").contains(scalar) else {
                throw .nonDigit(text: String(text), position: offset + 1)
            }
            digits.append(Int(scalar.value - 48))
        }
        return digits
    }
}

extension MPAN: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try MPAN(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
