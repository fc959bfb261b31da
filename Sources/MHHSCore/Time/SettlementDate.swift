/// A settlement date: a local (Europe/London) calendar day, the unit of settlement runs.
///
/// Held as a day number (days since 1970-01-01). The supported range is 1981-01-01 to
/// 9999-12-31: the clock-change rules in ``LondonClock`` are the ones in force since 1981.
public struct SettlementDate: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public static let supportedYears = 1981...9999

    public init(year: Int, month: Int, day: Int) throws(TimeError) {
        guard Self.supportedYears.contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else {
            throw .invalidDate(String(format4(year)) + "-" + pad2(month) + "-" + pad2(day))
        }
        dayNumber = CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// A date from its day number; the caller guarantees the supported range.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Parses `YYYY-MM-DD` exactly (10 characters).
    public init(_ text: some StringProtocol) throws(TimeError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = TextDigits.number(bytes, 0..<4),
            let month = TextDigits.number(bytes, 5..<7),
            let day = TextDigits.number(bytes, 8..<10)
        else { throw .invalidDate(String(text)) }
        try self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilCalendar.civil(fromDayNumber: dayNumber) }
    public var year: Int { components.year }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int { CivilCalendar.isoWeekday(dayNumber: dayNumber) }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> SettlementDate { SettlementDate(dayNumber: dayNumber + days) }

    /// The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 → 28/29 Feb).
    public func adding(months: Int) -> SettlementDate {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex / 12
        let newMonth = monthIndex % 12 + 1
        let newDay = min(day, CivilCalendar.daysInMonth(year: newYear, month: newMonth))
        return SettlementDate(dayNumber: CivilCalendar.dayNumber(year: newYear, month: newMonth, day: newDay))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return format4(year) + "-" + pad2(month) + "-" + pad2(day)
    }

    /// `YYYYMMDD`, as D0265 and file names use it.
    public var compactText: String {
        let (year, month, day) = components
        return format4(year) + pad2(month) + pad2(day)
    }

    public static func < (lhs: SettlementDate, rhs: SettlementDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
    public func distance(to other: SettlementDate) -> Int { other.dayNumber - dayNumber }
    public func advanced(by n: Int) -> SettlementDate { adding(days: n) }
}

extension SettlementDate: Codable {
    public init(from decoder: any Decoder) throws {
        self = try SettlementDate(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

func pad2(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

func format4(_ value: Int) -> String {
    let text = String(value)
    return text.count >= 4 ? text : String(repeating: "0", count: 4 - text.count) + text
}

/// Reading fixed-width decimal fields from ASCII bytes.
enum TextDigits {
    static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
