/// A UTC calendar day, as MHHS consumption messages (IF-021/022/023/013/014) carry it:
/// `settlementDayDate` is UTC midnight and each of the 48 periods is named by its **end**
/// instant (`sp`). Settlement is by local day, so these periods must be mapped.
public struct UTCDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    /// Every UTC day has 48 half-hour periods.
    public static let periodCount = 48

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The UTC day with the same calendar date as `date`.
    public init(sameCalendarDateAs date: SettlementDate) { dayNumber = date.dayNumber }

    /// Parses a DIP `settlementDayDate`, which must be UTC midnight with offset `+00:00`.
    public init(settlementDayDate text: some StringProtocol) throws(TimeError) {
        let dateTime = try DIPDateTime(text)
        guard dateTime.offsetMinutes == 0, dateTime.instant.secondOfUTCDay == 0 else {
            throw .invalidDateTime(String(text), reason: "a settlement day date must be UTC midnight (+00:00)")
        }
        dayNumber = dateTime.instant.utcDayNumber
    }

    public var midnight: UTCInstant { UTCInstant(utcMidnightOfDay: dayNumber) }

    /// The end instant (`sp`) of the period at `slot` (0–47).
    public func periodEnd(slot: Int) -> UTCInstant {
        midnight.adding(seconds: Int64(slot + 1) * settlementPeriodSeconds)
    }

    /// The slot (0–47) of the period that ends at `end`; throws when `end` is not on a half
    /// hour in (midnight, next midnight].
    public func slot(ofPeriodEndingAt end: UTCInstant) throws(TimeError) -> Int {
        let offset = end.secondsSinceEpoch - midnight.secondsSinceEpoch
        guard offset % settlementPeriodSeconds == 0, (1...Int64(Self.periodCount)).contains(offset / settlementPeriodSeconds)
        else { throw .notOnHalfHour(end.description) }
        return Int(offset / settlementPeriodSeconds) - 1
    }

    /// The local settlement period of each of the 48 UTC periods, in order.
    public var localPeriods: [LocalSettlementPeriod] {
        (0..<Self.periodCount).map { LocalSettlementPeriod(containing: midnight.adding(seconds: Int64($0) * settlementPeriodSeconds)) }
    }

    /// `YYYY-MM-DD`.
    public var description: String { SettlementDate(dayNumber: dayNumber).description }

    /// The DIP text of the day (`YYYY-MM-DDT00:00:00+00:00`).
    public var settlementDayDateText: String { DIPDateTime(midnight).text }

    public static func < (lhs: UTCDay, rhs: UTCDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

/// Where a local settlement period sits in UTC-day messages.
public struct UTCSlot: Hashable, Sendable {
    public let day: UTCDay
    /// 0–47 within ``day``.
    public let slot: Int
}

extension SettlementDate {
    /// The UTC day and slot of each of this day's periods, in period order: a local day spans
    /// two UTC days in BST (23:00 the day before onwards) and one in GMT.
    public var utcSlots: [UTCSlot] {
        (0..<periodCount).map { index in
            let start = startInstant.adding(seconds: Int64(index) * settlementPeriodSeconds)
            let day = UTCDay(dayNumber: start.utcDayNumber)
            return UTCSlot(day: day, slot: Int(start.secondOfUTCDay / settlementPeriodSeconds))
        }
    }

    /// The UTC days whose messages carry some of this day's periods.
    public var utcDays: [UTCDay] {
        let first = startInstant.utcDayNumber
        let last = endInstant.adding(seconds: -1).utcDayNumber
        return (first...last).map(UTCDay.init(dayNumber:))
    }
}
