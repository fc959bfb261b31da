/// The England & Wales bank holidays of a year, from the statutory rules plus the one-off
/// changes proclaimed since 1995 [C].
///
/// Rules: New Year's Day, Good Friday, Easter Monday, early May (first Monday of May, from
/// 1978), spring (last Monday of May), summer (last Monday of August), Christmas and Boxing Day.
/// A holiday on a weekend moves to the next weekday that is not already a holiday.
public enum EnglandWalesBankHolidays {
    /// Holidays moved by proclamation: (year, rule) → the date it fell on instead.
    static let moved: [String: (month: Int, day: Int)] = [
        "1995 earlyMay": (5, 8), "2020 earlyMay": (5, 8),
        "2002 spring": (6, 4), "2012 spring": (6, 4), "2022 spring": (6, 2),
    ]

    /// One-off extra holidays.
    static let extra: [(year: Int, month: Int, day: Int)] = [
        (1999, 12, 31), (2002, 6, 3), (2011, 4, 29), (2012, 6, 5), (2022, 6, 3), (2022, 9, 19), (2023, 5, 8),
    ]

    /// Years whose holidays are precomputed for O(1) look-ups.
    static let tabulatedYears = 1981...2400

    /// Day numbers of every rule holiday in ``tabulatedYears``, computed once.
    static let tabulated: Set<Int> = Set(tabulatedYears.flatMap { computeHolidays(year: $0).map(\.dayNumber) })

    /// Whether a date is a bank holiday by the rules (no overrides).
    public static func isHoliday(_ date: SettlementDate) -> Bool {
        tabulatedYears.contains(date.year)
            ? tabulated.contains(date.dayNumber) : computeHolidays(year: date.year).contains(date)
    }

    /// The bank holidays of `year`, sorted.
    public static func holidays(year: Int) -> [SettlementDate] { computeHolidays(year: year) }

    static func computeHolidays(year: Int) -> [SettlementDate] {
        func date(_ month: Int, _ day: Int) -> Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }
        func firstMonday(_ month: Int) -> Int {
            let first = date(month, 1)
            return first + (8 - CivilCalendar.isoWeekday(dayNumber: first)) % 7
        }
        func lastMonday(_ month: Int) -> Int {
            let last = date(month, CivilCalendar.daysInMonth(year: year, month: month))
            return last - (CivilCalendar.isoWeekday(dayNumber: last) + 6) % 7
        }
        func movedOr(_ rule: String, _ standard: Int) -> Int {
            moved["\(year) \(rule)"].map { date($0.month, $0.day) } ?? standard
        }
        let easter = easterSunday(year: year)
        // Fixed-date holidays may fall on a weekend and be substituted; the others are weekdays.
        let fixed = [date(1, 1), date(12, 25), date(12, 26)]
        var days: Set<Int> = [easter - 2, easter + 1, movedOr("spring", lastMonday(5)), lastMonday(8)]
        if year >= 1978 { days.insert(movedOr("earlyMay", firstMonday(5))) }
        for extraDay in extra where extraDay.year == year { days.insert(date(extraDay.month, extraDay.day)) }
        for day in fixed where CivilCalendar.isoWeekday(dayNumber: day) < 6 { days.insert(day) }
        for day in fixed where CivilCalendar.isoWeekday(dayNumber: day) >= 6 {
            var substitute = day + 1
            while CivilCalendar.isoWeekday(dayNumber: substitute) >= 6 || days.contains(substitute) { substitute += 1 }
            days.insert(substitute)
        }
        return days.sorted().map(SettlementDate.init(dayNumber:))
    }

    /// Easter Sunday of a Gregorian year as a day number (the anonymous Gregorian algorithm).
    static func easterSunday(year: Int) -> Int {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilCalendar.dayNumber(year: year, month: month, day: day)
    }
}
