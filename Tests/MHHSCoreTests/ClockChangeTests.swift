import Foundation
import Testing

@testable import MHHSCore

/// Every clock-change day 1996–2100 and the days either side of it.
enum ClockChangeDays {
    static let years = Array(1996...2100)

    static var spring: [SettlementDate] { years.map(LondonClock.springChangeDate(year:)) }
    static var autumn: [SettlementDate] { years.map(LondonClock.autumnChangeDate(year:)) }

    /// The change days with the day before and after each.
    static var withNeighbours: [SettlementDate] {
        (spring + autumn).flatMap { [$0.adding(days: -1), $0, $0.adding(days: 1)] }
    }
}

@Suite("Clock-change days 1996–2100")
struct ClockChangeTests {
    @Test("spring change days have 46 periods, fall on a Sunday in late March", arguments: ClockChangeDays.spring)
    func spring(date: SettlementDate) {
        #expect(date.periodCount == 46)
        #expect(date.isoWeekday == 7)
        let (_, month, day) = date.components
        #expect(month == 3 && day >= 25)
        #expect(date.adding(days: -1).periodCount == 48)
        #expect(date.adding(days: 1).periodCount == 48)
    }

    @Test("autumn change days have 50 periods, fall on a Sunday in late October", arguments: ClockChangeDays.autumn)
    func autumn(date: SettlementDate) {
        #expect(date.periodCount == 50)
        #expect(date.isoWeekday == 7)
        let (_, month, day) = date.components
        #expect(month == 10 && day >= 25)
        #expect(date.adding(days: -1).periodCount == 48)
        #expect(date.adding(days: 1).periodCount == 48)
    }

    @Test("every period round-trips UTC ↔ (date, SP)", arguments: ClockChangeDays.withNeighbours)
    func roundTrip(date: SettlementDate) throws {
        var expectedStart = date.startInstant
        for period in date.periods {
            let start = try date.start(of: period)
            #expect(start == expectedStart, "periods are contiguous half hours")
            let fromStart = LocalSettlementPeriod(containing: start)
            #expect(fromStart.date == date && fromStart.period == period)
            let fromMiddle = LocalSettlementPeriod(containing: start.adding(seconds: 1_799))
            #expect(fromMiddle.date == date && fromMiddle.period == period)
            let fromEnd = try LocalSettlementPeriod(endingAt: try date.end(of: period))
            #expect(fromEnd.date == date && fromEnd.period == period)
            #expect(fromEnd.start == start)
            expectedStart = start.adding(seconds: 1_800)
        }
        #expect(expectedStart == date.endInstant)
        #expect(date.adding(days: 1).startInstant == date.endInstant)
    }

    @Test("the UTC-day slots of a local day cover its periods once each", arguments: ClockChangeDays.withNeighbours)
    func utcSlots(date: SettlementDate) {
        let slots = date.utcSlots
        #expect(slots.count == date.periodCount)
        for (index, slot) in slots.enumerated() {
            let local = slot.day.localPeriods[slot.slot]
            #expect(local.date == date && local.period.index == index)
        }
        #expect(Set(slots).count == slots.count)
        #expect(Set(slots.map(\.day)) == Set(date.utcDays))
    }

    @Test("the rules agree with the host's Europe/London zone (an independent implementation)")
    func agreesWithFoundation() throws {
        let zone = try #require(TimeZone(identifier: "Europe/London"))
        for year in 1981...2100 {
            let before = Date(
                timeIntervalSince1970: TimeInterval(
                    UTCInstant(utcMidnightOfDay: CivilCalendar.dayNumber(year: year, month: 1, day: 1)).secondsSinceEpoch))
            let first = try #require(zone.nextDaylightSavingTimeTransition(after: before))
            let second = try #require(zone.nextDaylightSavingTimeTransition(after: first))
            #expect(Int64(first.timeIntervalSince1970) == LondonClock.summerTimeStart(year: year).secondsSinceEpoch, "spring \(year)")
            #expect(Int64(second.timeIntervalSince1970) == LondonClock.summerTimeEnd(year: year).secondsSinceEpoch, "autumn \(year)")
        }
    }
}

@Suite("Settlement periods and UTC days")
struct SettlementPeriodTests {
    @Test("known period counts and starts")
    func knownDays() throws {
        #expect(try SettlementDate("2026-10-25").periodCount == 50)
        #expect(try SettlementDate("2027-03-28").periodCount == 46)
        #expect(try SettlementDate("2026-11-02").periodCount == 48)
        let summer = try SettlementDate("2026-07-01")
        #expect(try summer.start(of: SettlementPeriod(1)).description == "2026-06-30T23:00:00+00:00")
        let winter = try SettlementDate("2026-12-01")
        #expect(try winter.start(of: SettlementPeriod(1)).description == "2026-12-01T00:00:00+00:00")
        // Autumn: SP 3 and SP 5 are both 01:00 on the wall clock, an hour apart in UTC.
        let autumn = try SettlementDate("2026-10-25")
        #expect(try autumn.start(of: SettlementPeriod(3)).description == "2026-10-25T00:00:00+00:00")
        #expect(try autumn.start(of: SettlementPeriod(5)).description == "2026-10-25T01:00:00+00:00")
        #expect(try autumn.end(of: SettlementPeriod(50)).description == "2026-10-26T00:00:00+00:00")
        // Spring: 01:00 GMT jumps to 02:00 BST after SP 2.
        let spring = try SettlementDate("2027-03-28")
        #expect(try spring.start(of: SettlementPeriod(3)).description == "2027-03-28T01:00:00+00:00")
        #expect(try spring.end(of: SettlementPeriod(46)).description == "2027-03-28T23:00:00+00:00")
    }

    @Test("SP 0 and 51 are out of range; SP 49 does not exist on a 48-period day")
    func invalidPeriods() throws {
        #expect(throws: TimeError.periodOutOfRange(0)) { try SettlementPeriod(0) }
        #expect(throws: TimeError.periodOutOfRange(51)) { try SettlementPeriod(51) }
        let normal = try SettlementDate("2026-11-02")
        #expect(throws: TimeError.periodNotInDay(period: 49, date: "2026-11-02", periodCount: 48)) { try normal.period(49) }
        let spring = try SettlementDate("2027-03-28")
        #expect(throws: TimeError.periodNotInDay(period: 47, date: "2027-03-28", periodCount: 46)) {
            try spring.start(of: SettlementPeriod(47))
        }
    }

    @Test("IF-021 UTC day on the autumn change maps to the right local periods")
    func autumnUTCDay() throws {
        let day = try UTCDay(settlementDayDate: "2026-10-25T00:00:00+00:00")
        let local = day.localPeriods
        // 00:00Z is 01:00 BST: local SP 3 of the 25th (the day began 23:00Z on the 24th).
        #expect(local[0].description == "2026-10-25 SP3")
        #expect(local[47].description == "2026-10-25 SP50")
        #expect(Set(local.map(\.date)).count == 1)
        // The previous UTC day's last two slots are SP 1 and SP 2 of the 25th.
        let before = UTCDay(dayNumber: day.dayNumber - 1).localPeriods
        #expect(before[46].description == "2026-10-25 SP1")
        #expect(before[45].description == "2026-10-24 SP48")
        #expect(try day.slot(ofPeriodEndingAt: DIPDateTime("2026-10-25T00:30:00+00:00").instant) == 0)
        #expect(try day.slot(ofPeriodEndingAt: DIPDateTime("2026-10-26T00:00:00+00:00").instant) == 47)
        #expect(throws: TimeError.self) { try day.slot(ofPeriodEndingAt: DIPDateTime("2026-10-25T00:00:00+00:00").instant) }
        #expect(throws: TimeError.self) { try day.slot(ofPeriodEndingAt: DIPDateTime("2026-10-25T00:15:00+00:00").instant) }
    }

    @Test("IF-021 UTC day on the spring change: 48 UTC periods span two local days")
    func springUTCDay() throws {
        let local = try UTCDay(settlementDayDate: "2027-03-28T00:00:00+00:00").localPeriods
        #expect(local[0].description == "2027-03-28 SP1")
        #expect(local[2].description == "2027-03-28 SP3")
        #expect(local[45].description == "2027-03-28 SP46")
        #expect(local[46].description == "2027-03-29 SP1")
        #expect(local[47].description == "2027-03-29 SP2")
    }

    @Test("settlementDayDate must be UTC midnight")
    func settlementDayDate() {
        #expect(throws: TimeError.self) { try UTCDay(settlementDayDate: "2026-10-25T00:00:00+01:00") }
        #expect(throws: TimeError.self) { try UTCDay(settlementDayDate: "2026-10-25T00:30:00+00:00") }
    }
}
