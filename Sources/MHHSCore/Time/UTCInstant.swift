/// An instant in UTC, in whole seconds since 1970-01-01T00:00:00Z.
///
/// Domain code never reads the clock: callers pass instants in (STYLE.md).
public struct UTCInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Midnight UTC at the start of a calendar day given as a day number.
    public init(utcMidnightOfDay dayNumber: Int) { secondsSinceEpoch = Int64(dayNumber) * 86_400 }

    public func adding(seconds: Int64) -> UTCInstant { UTCInstant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// The UTC calendar day (day number) containing the instant.
    public var utcDayNumber: Int { Int(secondsSinceEpoch.floorDivided(by: 86_400)) }

    /// Seconds since UTC midnight of its day.
    public var secondOfUTCDay: Int64 { secondsSinceEpoch - Int64(utcDayNumber) * 86_400 }

    /// The DIP text of the instant in UTC (`+00:00`).
    public var description: String { DIPDateTime(self).text }

    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension UTCInstant: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(secondsSinceEpoch: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSinceEpoch)
    }
}
