import MHHSCore

/// A line loss factor exactly as the D0265 file wrote it: a scaled integer and its decimals.
///
/// `1.078` is `scaled 1078, decimals 3`; it prints back as `1.078`, and arithmetic uses the
/// integer so no binary floating point is involved.
public struct LineLossFactor: Hashable, Sendable, CustomStringConvertible {
    public static let maximumDecimals = 6

    public let scaled: Int32
    public let decimals: UInt8

    public init(scaled: Int32, decimals: UInt8) {
        precondition(Int(decimals) <= Self.maximumDecimals, "at most six decimals")
        self.scaled = scaled
        self.decimals = decimals
    }

    /// Parses `\d{1,3}(\.\d{1,6})?` exactly.
    public init?(text: some StringProtocol) {
        guard let parsed = Self.parse(text.utf8) else { return nil }
        self = parsed
    }

    /// The factor in millionths (`1.078` → 1,078,000), for exact arithmetic.
    public var millionths: Int64 {
        var value = Int64(scaled)
        for _ in Int(decimals)..<Self.maximumDecimals { value *= 10 }
        return value
    }

    public var description: String { DecimalText.format(Int64(scaled), fractionDigits: Int(decimals)) }

    /// Parses from ASCII bytes; used by the D0265 parser's hot loop.
    @inline(__always)
    static func parse(_ bytes: some Collection<UInt8>) -> LineLossFactor? {
        var value: Int32 = 0
        var wholeDigits = 0
        var decimals = -1
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard decimals < 0, wholeDigits > 0 else { return nil }
                decimals = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int32(digit)
            if decimals >= 0 { decimals += 1 } else { wholeDigits += 1 }
            guard wholeDigits <= 3, decimals <= maximumDecimals else { return nil }
        }
        guard wholeDigits > 0, decimals != 0 else { return nil }
        return LineLossFactor(scaled: value, decimals: UInt8(max(decimals, 0)))
    }
}

/// The factors of one LLF class of one distributor for one settlement date, SP 1 first.
public struct LLFDay: Hashable, Sendable {
    public let distributor: MPID
    public let llfClass: String
    public let date: SettlementDate
    public let factors: [LineLossFactor]

    public init(distributor: MPID, llfClass: String, date: SettlementDate, factors: [LineLossFactor]) {
        self.distributor = distributor
        self.llfClass = llfClass
        self.date = date
        self.factors = factors
    }

    /// The factor of a period; throws when the date has no such period.
    public func factor(for period: SettlementPeriod) throws(TimeError) -> LineLossFactor {
        _ = try date.period(period.value)
        return factors[period.index]
    }
}
