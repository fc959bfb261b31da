/// Exact parsing and printing of fixed-point decimal text such as `-12.345`.
///
/// Market messages carry quantities as decimal strings with a fixed number of decimals; we
/// hold them as scaled integers so no binary floating point ever touches stored energy.
public enum DecimalText {
    /// Parses `^-?\d{1,integerDigits}\.\d{fractionDigits}$` into the integer `value × 10^fractionDigits`.
    public static func parse(
        _ text: some StringProtocol,
        integerDigits: Int,
        fractionDigits: Int,
        allowNegative: Bool = true
    ) throws(DecimalTextError) -> Int64 {
        var bytes = Array(text.utf8)[...]
        let pattern = (allowNegative ? "-?" : "") + "\\d{1,\(integerDigits)}\\.\\d{\(fractionDigits)}"
        func fail() -> DecimalTextError { DecimalTextError(text: String(text), pattern: pattern) }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            guard allowNegative else { throw fail() }
            negative = true
            bytes = bytes.dropFirst()
        }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { throw fail() }
        let whole = bytes[..<dot]
        let fraction = bytes[(dot + 1)...]
        guard (1...integerDigits).contains(whole.count), fraction.count == fractionDigits else { throw fail() }
        var value: Int64 = 0
        for byte in whole where !isDigit(byte) { _ = byte; throw fail() }
        for byte in fraction where !isDigit(byte) { _ = byte; throw fail() }
        for byte in whole { value = value * 10 + Int64(byte &- UInt8(ascii: "0")) }
        for byte in fraction { value = value * 10 + Int64(byte &- UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    /// Prints `scaled / 10^fractionDigits` with exactly `fractionDigits` decimals.
    public static func format(_ scaled: Int64, fractionDigits: Int) -> String {
        let magnitude = scaled.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var fractionText = String(fraction)
        if fractionText.count < fractionDigits {
            fractionText = String(repeating: "0", count: fractionDigits - fractionText.count) + fractionText
        }
        let sign = scaled < 0 ? "-" : ""
        return fractionDigits == 0 ? sign + String(whole) : sign + String(whole) + "." + fractionText
    }

    /// The largest magnitude that fits in `integerDigits` whole digits at `fractionDigits` decimals.
    public static func maximum(integerDigits: Int, fractionDigits: Int) -> Int64 {
        var limit: Int64 = 1
        for _ in 0..<(integerDigits + fractionDigits) { limit *= 10 }
        return limit - 1
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// A decimal text that does not match the format required.
public struct DecimalTextError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let pattern: String

    public var description: String { "'\(text)' is not a decimal of the form \(pattern)" }
}
