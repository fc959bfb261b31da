/// A DIP date-time: exactly 25 characters, `YYYY-MM-DDThh:mm:ss±hh:mm` (DT-003).
///
/// Keeps the offset it was written with, so parsing then printing gives back the same text.
public struct DIPDateTime: Hashable, Sendable, CustomStringConvertible {
    public let instant: UTCInstant
    /// The offset from UTC the text was written in, in minutes (e.g. 60 for `+01:00`).
    public let offsetMinutes: Int

    /// The instant written in UTC (`+00:00`).
    public init(_ instant: UTCInstant, offsetMinutes: Int = 0) {
        self.instant = instant
        self.offsetMinutes = offsetMinutes
    }

    /// Parses the 25-character form exactly; anything else is an error naming what is wrong.
    public init(_ text: some StringProtocol) throws(TimeError) {
        let bytes = Array(text.utf8)
        func fail(_ reason: String) -> TimeError { .invalidDateTime(String(text), reason: reason) }
        guard bytes.count == 25 else { throw fail("expected 25 characters, found \(bytes.count)") }
        let separators: [(Int, UInt8)] = [
            (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")),
            (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":")), (22, UInt8(ascii: ":")),
        ]
        for (index, expected) in separators where bytes[index] != expected {
            throw fail("expected '\(Character(Unicode.Scalar(expected)))' at position \(index + 1)")
        }
        guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-") else {
            throw fail("expected '+' or '-' at position 20")
        }
        guard let year = TextDigits.number(bytes, 0..<4), let month = TextDigits.number(bytes, 5..<7),
            let day = TextDigits.number(bytes, 8..<10), let hour = TextDigits.number(bytes, 11..<13),
            let minute = TextDigits.number(bytes, 14..<16), let second = TextDigits.number(bytes, 17..<19),
            let offsetHour = TextDigits.number(bytes, 20..<22), let offsetMinute = TextDigits.number(bytes, 23..<25)
        else { throw fail("expected digits in every field") }
        guard hour < 24, minute < 60, second < 60 else { throw fail("time of day out of range") }
        guard offsetHour <= 14, offsetMinute < 60 else { throw fail("offset out of range") }
        let date: SettlementDate
        do { date = try SettlementDate(year: year, month: month, day: day) } catch { throw fail(error.description) }
        let sign = bytes[19] == UInt8(ascii: "-") ? -1 : 1
        let offset = sign * (offsetHour * 60 + offsetMinute)
        let localSeconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        self.instant = UTCInstant(secondsSinceEpoch: localSeconds - Int64(offset) * 60)
        self.offsetMinutes = offset
    }

    /// The 25-character text in the offset it carries.
    public var text: String {
        let local = instant.adding(seconds: Int64(offsetMinutes) * 60)
        let date = SettlementDate(dayNumber: local.utcDayNumber)
        let seconds = Int(local.secondOfUTCDay)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return date.description + "T" + pad2(seconds / 3_600) + ":" + pad2(seconds / 60 % 60) + ":"
            + pad2(seconds % 60) + sign + pad2(offset / 60) + ":" + pad2(offset % 60)
    }

    public var description: String { text }
}

extension DIPDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        self = try DIPDateTime(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
