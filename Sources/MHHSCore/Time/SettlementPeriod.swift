/// A settlement period number, 1–50. Whether it exists on a given day depends on the day's
/// period count (46, 48 or 50); ``SettlementDate/period(_:)`` checks that.
public struct SettlementPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int

    public static let range = 1...50

    public init(_ value: Int) throws(TimeError) {
        guard Self.range.contains(value) else { throw .periodOutOfRange(value) }
        self.value = value
    }

    init(unchecked value: Int) { self.value = value }

    /// Parses a period number written in decimal.
    public init(_ text: some StringProtocol) throws(TimeError) {
        guard let value = Int(text) else { throw .periodOutOfRange(Int.min) }
        try self.init(value)
    }

    /// The zero-based index of the period within its day.
    public var index: Int { value - 1 }

    public var description: String { String(value) }

    public static func < (lhs: SettlementPeriod, rhs: SettlementPeriod) -> Bool { lhs.value < rhs.value }
}
