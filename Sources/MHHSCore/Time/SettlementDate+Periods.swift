/// The length of a half-hour settlement period in seconds.
public let settlementPeriodSeconds: Int64 = 1_800

extension SettlementDate {
    /// The instant the settlement day starts (local midnight).
    public var startInstant: UTCInstant { LondonClock.localMidnight(of: self) }

    /// The instant the settlement day ends (the next local midnight).
    public var endInstant: UTCInstant { LondonClock.localMidnight(of: adding(days: 1)) }

    /// 46 on the spring clock-change day, 50 on the autumn one, otherwise 48.
    public var periodCount: Int {
        Int((endInstant.secondsSinceEpoch - startInstant.secondsSinceEpoch) / settlementPeriodSeconds)
    }

    /// The periods of the day, 1 through ``periodCount``.
    public var periods: [SettlementPeriod] { (1...periodCount).map(SettlementPeriod.init(unchecked:)) }

    /// Validates that a period exists on this day.
    public func period(_ number: Int) throws(TimeError) -> SettlementPeriod {
        let period = try SettlementPeriod(number)
        guard number <= periodCount else {
            throw .periodNotInDay(period: number, date: description, periodCount: periodCount)
        }
        return period
    }

    /// The UTC instant a period of this day starts; throws when the day has no such period.
    public func start(of period: SettlementPeriod) throws(TimeError) -> UTCInstant {
        _ = try self.period(period.value)
        return startInstant.adding(seconds: Int64(period.index) * settlementPeriodSeconds)
    }

    /// The UTC instant a period of this day ends; throws when the day has no such period.
    public func end(of period: SettlementPeriod) throws(TimeError) -> UTCInstant {
        try start(of: period).adding(seconds: settlementPeriodSeconds)
    }
}

/// One settlement period of one settlement date: the key of VAS results and LLFs.
public struct LocalSettlementPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: SettlementDate
    public let period: SettlementPeriod

    /// Validates that the date has the period.
    public init(date: SettlementDate, period: SettlementPeriod) throws(TimeError) {
        _ = try date.period(period.value)
        self.date = date
        self.period = period
    }

    /// The period that contains `instant` (its start ≤ instant < its end).
    public init(containing instant: UTCInstant) {
        let local = instant.adding(seconds: LondonClock.utcOffsetSeconds(at: instant))
        let date = SettlementDate(dayNumber: local.utcDayNumber)
        let offset = instant.secondsSinceEpoch - date.startInstant.secondsSinceEpoch
        self.date = date
        self.period = SettlementPeriod(unchecked: Int(offset / settlementPeriodSeconds) + 1)
    }

    /// The period that ends at `end`, as IF-021 identifies periods; `end` must be on a half hour.
    public init(endingAt end: UTCInstant) throws(TimeError) {
        guard end.secondsSinceEpoch % settlementPeriodSeconds == 0 else { throw .notOnHalfHour(end.description) }
        self.init(containing: end.adding(seconds: -settlementPeriodSeconds))
    }

    public var start: UTCInstant {
        date.startInstant.adding(seconds: Int64(period.index) * settlementPeriodSeconds)
    }

    public var end: UTCInstant { start.adding(seconds: settlementPeriodSeconds) }

    public var description: String { "\(date) SP\(period.value)" }

    public static func < (lhs: LocalSettlementPeriod, rhs: LocalSettlementPeriod) -> Bool {
        (lhs.date, lhs.period) < (rhs.date, rhs.period)
    }
}
