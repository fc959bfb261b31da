import MHHSCore
import MHHSStandingData

/// A legacy time pattern regime (TPR) as its clock intervals define it [C]: on which days of the
/// week, between which day-months, and between which clock times its register records. The
/// times are GMT all year when the regime's GMT indicator is `Y`, else local (Europe/London).
///
/// [A] A settlement period belongs to the regime whose interval contains its **midpoint** (start
/// + 15 minutes). Most MDD intervals start and end on half hours, but some do not (TPR 00002:
/// 00:00–00:15, 04:15–11:30 …): a period split 15/15 goes to the regime of its second half, and
/// regimes that partition the day's minutes still partition its periods.
///
/// A teleswitched regime (indicator other than `C`) has no clock intervals in MDD: its switching
/// times come from the teleswitch agent day by day, which we do not receive.
public struct TimePattern: Sendable, Hashable {
    public let id: String
    public let isGMT: Bool
    public let isTeleswitched: Bool
    public let intervals: [ClockIntervalRecord]

    public init(regime: TimePatternRegimeRecord, intervals: [ClockIntervalRecord]) {
        id = regime.id
        isGMT = regime.isGMT
        isTeleswitched = regime.teleswitchOrClock != "C"
        self.intervals = intervals
    }

    public init(id: String, isGMT: Bool, intervals: [ClockIntervalRecord]) {
        self.id = id
        self.isGMT = isGMT
        isTeleswitched = false
        self.intervals = intervals
    }

    /// Bit i set: settlement period i + 1 of `date` is in the regime.
    public func periodMask(on date: SettlementDate) -> UInt64 {
        var mask: UInt64 = 0
        for period in 0..<date.periodCount where covers(start: date.startInstant.adding(seconds: Int64(period) * settlementPeriodSeconds)) {
            mask |= 1 << UInt64(period)
        }
        return mask
    }

    /// Whether the period starting at `instant` is in one of the regime's intervals (by its
    /// midpoint, in the regime's clock).
    public func covers(start instant: UTCInstant) -> Bool {
        let midpoint = instant.adding(seconds: settlementPeriodSeconds / 2)
        let clock = isGMT ? midpoint : midpoint.adding(seconds: LondonClock.utcOffsetSeconds(at: midpoint))
        let day = SettlementDate(dayNumber: clock.utcDayNumber)
        let minute = Int(clock.secondOfUTCDay / 60)
        let (_, month, dayOfMonth) = day.components
        let weekday = day.isoWeekday
        return intervals.contains { interval in
            interval.dayOfWeek == weekday && minute >= interval.startMinute && minute < interval.endMinute
                && Self.within(month: month, day: dayOfMonth, interval)
        }
    }

    /// Whether a day-month is in an interval's start…end day-months, which may wrap the year end
    /// (e.g. 1 November – 31 March).
    static func within(month: Int, day: Int, _ interval: ClockIntervalRecord) -> Bool {
        let value = month * 100 + day
        let start = interval.startMonth * 100 + interval.startDay
        let end = interval.endMonth * 100 + interval.endDay
        return start <= end ? (start...end).contains(value) : (value >= start || value <= end)
    }
}

/// The regimes of one standard settlement configuration (its measurement requirements): the
/// registers a legacy NHH meter of that SSC has.
public struct SettlementConfigurationPatterns: Sendable {
    public let ssc: String
    public let patterns: [TimePattern]

    /// The SSC's regimes from Market Domain Data; nil when MDD names no measurement requirement.
    public init?(ssc: String, marketDomainData mdd: MarketDomainData) {
        let regimes = mdd.timePatternRegimes(ofSSC: ssc)
        guard !regimes.isEmpty else { return nil }
        self.ssc = ssc
        patterns = regimes.map { TimePattern(regime: $0, intervals: mdd.clockIntervals(ofTPR: $0.id)) }
    }

    public init(ssc: String, patterns: [TimePattern]) {
        self.ssc = ssc
        self.patterns = patterns
    }

    /// Whether the regimes are all clock-switched (teleswitched ones have no fixed intervals).
    public var isClockSwitched: Bool { !patterns.contains { $0.isTeleswitched } }

    /// Each regime's periods of `date`; for a clock-switched SSC they should partition the day
    /// (``gaps(on:)`` and ``overlaps(on:)`` say where they do not).
    public func periodMasks(on date: SettlementDate) -> [UInt64] { patterns.map { $0.periodMask(on: date) } }

    /// Periods of `date` no regime covers.
    public func gaps(on date: SettlementDate) -> UInt64 {
        let all: UInt64 = (1 << UInt64(date.periodCount)) - 1
        return all & ~periodMasks(on: date).reduce(0, |)
    }

    /// Periods of `date` more than one regime covers.
    public func overlaps(on date: SettlementDate) -> UInt64 {
        var seen: UInt64 = 0
        var twice: UInt64 = 0
        for mask in periodMasks(on: date) {
            twice |= seen & mask
            seen |= mask
        }
        return twice
    }
}
