/// The Europe/London clock rules: when British Summer Time starts and ends.
///
/// BST starts on the last Sunday of March at 01:00 UTC. It ends at 01:00 UTC on the last
/// Sunday of October from 1996 (the EU rule), on the first Sunday on or after 22 October in
/// 1990–1995 and on or after 23 October in 1981–1989. [A] The EU rule is assumed to hold for
/// every later year. Computed from these rules, not from the machine's time-zone database, so
/// results never depend on the host.
public enum LondonClock {
    static let bstOffset: Int64 = 3_600

    /// The instant BST starts in `year` (01:00 UTC on the last Sunday of March).
    public static func summerTimeStart(year: Int) -> UTCInstant {
        changeInstant(dayNumber: lastSunday(year: year, month: 3))
    }

    /// The instant BST ends in `year` (01:00 UTC on the October change Sunday).
    public static func summerTimeEnd(year: Int) -> UTCInstant {
        changeInstant(dayNumber: autumnChangeDay(year: year))
    }

    /// The spring clock-change settlement date (46 periods) of `year`.
    public static func springChangeDate(year: Int) -> SettlementDate {
        SettlementDate(dayNumber: lastSunday(year: year, month: 3))
    }

    /// The autumn clock-change settlement date (50 periods) of `year`.
    public static func autumnChangeDate(year: Int) -> SettlementDate {
        SettlementDate(dayNumber: autumnChangeDay(year: year))
    }

    /// The local clock's offset from UTC at an instant: 0 in GMT, 3,600 s in BST.
    public static func utcOffsetSeconds(at instant: UTCInstant) -> Int64 {
        let year = CivilCalendar.civil(fromDayNumber: instant.utcDayNumber).year
        return isSummerTime(instant, year: year) ? bstOffset : 0
    }

    /// The instant local midnight starts `date`.
    ///
    /// Midnight is in BST from the day after the spring change up to and including the autumn
    /// change day (the clocks go back at 02:00 BST, after midnight).
    public static func localMidnight(of date: SettlementDate) -> UTCInstant {
        let year = date.year
        let utcMidnight = UTCInstant(utcMidnightOfDay: date.dayNumber)
        let inBST = date.dayNumber > lastSunday(year: year, month: 3) && date.dayNumber <= autumnChangeDay(year: year)
        return inBST ? utcMidnight.adding(seconds: -bstOffset) : utcMidnight
    }

    static func isSummerTime(_ instant: UTCInstant, year: Int) -> Bool {
        instant >= summerTimeStart(year: year) && instant < summerTimeEnd(year: year)
    }

    static func changeInstant(dayNumber: Int) -> UTCInstant {
        UTCInstant(utcMidnightOfDay: dayNumber).adding(seconds: 3_600)
    }

    static func lastSunday(year: Int, month: Int) -> Int {
        let lastDay = CivilCalendar.dayNumber(year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month))
        return lastDay - CivilCalendar.isoWeekday(dayNumber: lastDay) % 7
    }

    static func firstSunday(onOrAfter day: Int, year: Int, month: Int) -> Int {
        let start = CivilCalendar.dayNumber(year: year, month: month, day: day)
        return start + (7 - CivilCalendar.isoWeekday(dayNumber: start)) % 7
    }

    static func autumnChangeDay(year: Int) -> Int {
        switch year {
        case ..<1990: firstSunday(onOrAfter: 23, year: year, month: 10)
        case 1990...1995: firstSunday(onOrAfter: 22, year: year, month: 10)
        default: lastSunday(year: year, month: 10)
        }
    }
}
