/// Working days in England & Wales: not a weekend, not a bank holiday.
///
/// Bank holidays come from ``EnglandWalesBankHolidays``; `additionalHolidays` adds dates a
/// future proclamation declares and `removedHolidays` takes rule dates back out, so a new
/// one-off never needs a code change.
public struct WorkingDayCalendar: Sendable {
    public var additionalHolidays: Set<SettlementDate>
    public var removedHolidays: Set<SettlementDate>

    public init(additionalHolidays: Set<SettlementDate> = [], removedHolidays: Set<SettlementDate> = []) {
        self.additionalHolidays = additionalHolidays
        self.removedHolidays = removedHolidays
    }

    public func isBankHoliday(_ date: SettlementDate) -> Bool {
        if additionalHolidays.contains(date) { return true }
        if removedHolidays.contains(date) { return false }
        return EnglandWalesBankHolidays.isHoliday(date)
    }

    public func isWorkingDay(_ date: SettlementDate) -> Bool { !date.isWeekend && !isBankHoliday(date) }

    /// The bank holidays of a year with the overrides applied.
    public func bankHolidays(year: Int) -> [SettlementDate] {
        let ruleDates = Set(EnglandWalesBankHolidays.holidays(year: year)).subtracting(removedHolidays)
        return ruleDates.union(additionalHolidays.filter { $0.year == year }).sorted()
    }

    /// The `count`-th working day after `date` (`date` itself never counts); `count` ≥ 0,
    /// and 0 gives `date` back.
    public func adding(workingDays count: Int, to date: SettlementDate) -> SettlementDate {
        precondition(count >= 0, "working-day offsets are forward only")
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The first working day on or after `date`.
    public func workingDay(onOrAfter date: SettlementDate) -> SettlementDate {
        var current = date
        while !isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }
}
