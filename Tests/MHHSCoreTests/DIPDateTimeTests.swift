import Testing

@testable import MHHSCore

@Suite("DIP date-times and dates")
struct DIPDateTimeTests {
    @Test(
        "25-character date-times print back exactly",
        arguments: [
            "2026-11-03T01:00:00+00:00", "2026-07-01T00:30:00+01:00", "1999-12-31T23:59:59-05:30",
            "2024-02-29T12:00:00+00:00",
        ])
    func roundTrip(text: String) throws {
        #expect(try DIPDateTime(text).text == text)
    }

    @Test("offsets convert to the same instant")
    func offsets() throws {
        let bst = try DIPDateTime("2026-07-01T00:30:00+01:00")
        let utc = try DIPDateTime("2026-06-30T23:30:00+00:00")
        #expect(bst.instant == utc.instant)
        #expect(bst.offsetMinutes == 60)
    }

    @Test(
        "malformed date-times are rejected",
        arguments: [
            "2026-11-03T01:00:00Z", "2026-11-03T01:00:00+0000", "2026-11-03 01:00:00+00:00", "2026-13-03T01:00:00+00:00",
            "2026-02-30T01:00:00+00:00", "2026-11-03T24:00:00+00:00", "2026-11-03T01:60:00+00:00",
            "2026-11-03T01:00:00+00:00 ", "2026-11-0xT01:00:00+00:00", "1970-01-01T00:00:00+00:00",
        ])
    func reject(text: String) {
        #expect(throws: TimeError.self) { try DIPDateTime(text) }
    }

    @Test("dates parse exactly and reject impossible days")
    func dates() throws {
        #expect(try SettlementDate("2024-02-29").description == "2024-02-29")
        #expect(try SettlementDate("2026-10-25").compactText == "20261025")
        #expect(throws: TimeError.self) { try SettlementDate("2023-02-29") }
        #expect(throws: TimeError.self) { try SettlementDate("2026-1-05") }
        #expect(throws: TimeError.yearOutOfRange(1970)) { try SettlementDate("1970-01-01") }
    }

    @Test("civil calendar round-trips every day 1981–2200")
    func civilRoundTrip() {
        let first = CivilCalendar.dayNumber(year: 1981, month: 1, day: 1)
        let last = CivilCalendar.dayNumber(year: 2200, month: 12, day: 31)
        for dayNumber in first...last {
            let (year, month, day) = CivilCalendar.civil(fromDayNumber: dayNumber)
            #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == dayNumber)
        }
        #expect(CivilCalendar.isoWeekday(dayNumber: CivilCalendar.dayNumber(year: 2026, month: 11, day: 29)) == 7)
    }

    @Test("adding months clamps to the end of a shorter month")
    func addingMonths() throws {
        #expect(try SettlementDate("2027-01-31").adding(months: 1).description == "2027-02-28")
        #expect(try SettlementDate("2026-11-02").adding(months: 28).description == "2029-03-02")
    }
}
