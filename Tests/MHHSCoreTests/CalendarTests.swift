import Testing

@testable import MHHSCore

@Suite("England & Wales working days")
struct CalendarTests {
    /// Bank holidays as published by gov.uk for these years.
    static let published: [Int: [String]] = [
        1995: ["01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"],
        1999: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31"],
        2002: ["01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26"],
        2004: ["01-01", "04-09", "04-12", "05-03", "05-31", "08-30", "12-27", "12-28"],
        2011: ["01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"],
        2012: ["01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"],
        2016: ["01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"],
        2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
        2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
        2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
        2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
        2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
        2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
        2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
        2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    ]

    @Test("bank holidays match the published lists", arguments: published.keys.sorted())
    func publishedYears(year: Int) {
        let computed = EnglandWalesBankHolidays.holidays(year: year).map { String($0.description.dropFirst(5)) }
        #expect(computed == Self.published[year])
    }

    @Test(
        "Easter Sunday", arguments: [(2000, "04-23"), (2019, "04-21"), (2024, "03-31"), (2026, "04-05"), (2038, "04-25"), (2285, "03-22")])
    func easter(year: Int, date: String) {
        #expect(String(SettlementDate(dayNumber: EnglandWalesBankHolidays.easterSunday(year: year)).description.dropFirst(5)) == date)
    }

    @Test("every year has 8 holidays on weekdays, none on weekends", arguments: Array(1996...2100))
    func everyYear(year: Int) {
        let holidays = EnglandWalesBankHolidays.holidays(year: year)
        #expect(holidays.count >= 8)
        #expect(holidays.allSatisfy { !$0.isWeekend })
        #expect(Set(holidays).count == holidays.count)
    }

    @Test("working days skip weekends and holidays; overrides apply")
    func workingDays() throws {
        let calendar = WorkingDayCalendar()
        // Thu 24 Dec 2026: Fri 25 holiday, weekend, Mon 28 (Boxing Day substitute) holiday.
        #expect(calendar.adding(workingDays: 1, to: try SettlementDate("2026-12-24")).description == "2026-12-29")
        #expect(calendar.adding(workingDays: 0, to: try SettlementDate("2026-12-26")).description == "2026-12-26")
        #expect(calendar.workingDay(onOrAfter: try SettlementDate("2026-12-26")).description == "2026-12-29")
        #expect(!calendar.isWorkingDay(try SettlementDate("2026-11-29")))
        #expect(calendar.isWorkingDay(try SettlementDate("2026-11-30")))
        let extra = try SettlementDate("2026-11-30")
        let changed = WorkingDayCalendar(additionalHolidays: [extra], removedHolidays: [try SettlementDate("2026-12-25")])
        #expect(!changed.isWorkingDay(extra))
        #expect(changed.isWorkingDay(try SettlementDate("2026-12-25")))
        #expect(changed.bankHolidays(year: 2026).contains(extra))
        #expect(!changed.bankHolidays(year: 2026).contains(try SettlementDate("2026-12-25")))
    }
}

@Suite("Settlement timetable")
struct TimetableTests {
    @Test("legacy runs of 2026-11-02, counted by hand")
    func legacyRuns() throws {
        let schedule = SettlementTimetable().schedule(for: try SettlementDate("2026-11-02"))
        let text = schedule.map { "\($0.run.rawValue) \($0.dueDate)" }
        // II: 5 WD (3,4,5,6,9 Nov). SF: 16 WD → 24 Nov. R1: 39 WD, over the Christmas holidays
        // (25 and 28 Dec 2026) → 29 Dec. DF: 28 months → 2 Mar 2029 (a Friday).
        #expect(text.first == "II 2026-11-09")
        #expect(text[1] == "SF 2026-11-24")
        #expect(text[2] == "R1 2026-12-29")
        #expect(text.last == "DF 2029-03-02")
        #expect(
            schedule.map(\.run) == [
                .interimInformation, .initialSettlement, .firstReconciliation, .secondReconciliation, .thirdReconciliation,
                .finalReconciliation, .disputeFinal,
            ])
        #expect(schedule.allSatisfy { $0.runSet == .legacy })
    }

    @Test("the MHHS run set applies from the switch date")
    func switchDate() throws {
        let timetable = SettlementTimetable()
        #expect(timetable.runSet(for: try SettlementDate("2027-07-01")).name == .legacy)
        #expect(timetable.runSet(for: try SettlementDate("2027-07-02")).name == .mhhs)
        let mhhs = timetable.schedule(for: try SettlementDate("2027-11-02"))
        #expect(mhhs.map { "\($0.run.rawValue) \($0.dueDate)" }.prefix(2) == ["II 2027-11-08", "SF 2027-11-11"])
        #expect(mhhs.map(\.run) == [.interimInformation, .initialSettlement, .firstReconciliation, .finalReconciliation, .disputeFinal])
        var moved = timetable
        moved.mhhsSwitchDate = try SettlementDate("2026-01-01")
        #expect(moved.runSet(for: try SettlementDate("2026-11-02")).name == .mhhs)
        #expect(timetable.dueDate(of: .secondReconciliation, for: try SettlementDate("2027-11-02")) == nil)
        #expect(timetable.dueDate(of: .secondReconciliation, for: try SettlementDate("2027-11-02"), runSet: .legacy) != nil)
    }

    @Test("runs due on a day are exactly the runs scheduled for it (both directions)")
    func dueIsInverseOfSchedule() throws {
        let timetable = SettlementTimetable(mhhsSwitchDate: try SettlementDate("2026-12-01"))
        let start = try SettlementDate("2026-10-01")
        var expected: [SettlementDate: Set<String>] = [:]
        // Every run due in the window comes from a settlement date at most ~29 months earlier.
        for date in stride(from: start.adding(days: -900), through: start.adding(days: 120), by: 1) {
            for run in timetable.schedule(for: date) where run.dueDate >= start && run.dueDate < start.adding(days: 60) {
                expected[run.dueDate, default: []].insert("\(run.run.rawValue) \(run.settlementDate)")
            }
        }
        for day in stride(from: start, to: start.adding(days: 60), by: 1) {
            let due = Set(timetable.runsDue(on: day).map { "\($0.run.rawValue) \($0.settlementDate)" })
            #expect(due == expected[day, default: []], "runs due on \(day)")
        }
        #expect(timetable.runsDue(on: try SettlementDate("2026-11-28")).isEmpty, "nothing falls due on a Saturday")
    }
}
