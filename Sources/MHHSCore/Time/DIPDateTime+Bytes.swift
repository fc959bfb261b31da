extension DIPDateTime {
    /// Parses the 25-character form from bytes without allocating; nil when the text is not a
    /// valid DT-003 date-time. For hot paths (IF-021 `sp`, one per period): the throwing
    /// ``init(_:)`` says what is wrong and is the one to call for error messages.
    @inline(__always)
    public static func instant(bytes: UnsafeBufferPointer<UInt8>) -> UTCInstant? {
        guard bytes.count == 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[22] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-")
        else { return nil }
        @inline(__always) func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
            let minute = digits(14, 2), let second = digits(17, 2), let offsetHour = digits(20, 2),
            let offsetMinute = digits(23, 2), SettlementDate.supportedYears.contains(year), (1...12).contains(month),
            day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month), hour < 24, minute < 60, second < 60,
            offsetHour <= 14, offsetMinute < 60
        else { return nil }
        let sign = bytes[19] == UInt8(ascii: "-") ? -1 : 1
        let offset = sign * (offsetHour * 60 + offsetMinute)
        let dayNumber = CivilCalendar.dayNumber(year: year, month: month, day: day)
        let localSeconds = Int64(dayNumber) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return UTCInstant(secondsSinceEpoch: localSeconds - Int64(offset) * 60)
    }
}
