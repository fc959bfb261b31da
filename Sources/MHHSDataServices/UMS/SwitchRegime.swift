import MHHSCore

/// A 3-digit UMS switch regime code, naming when a unit is on.
public struct SwitchRegimeCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 3 digits.
    public let text: String

    /// Parses and validates 3 ASCII digits.
    public init(_ text: some StringProtocol) throws(SwitchRegimeError) {
        guard text.unicodeScalars.count == 3, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw .format(text: String(text))
        }
        self.text = String(text)
    }

    public var description: String { text }

    public static func < (lhs: SwitchRegimeCode, rhs: SwitchRegimeCode) -> Bool { lhs.text < rhs.text }
}

/// When a UMS unit is on: in darkness (or always), except during daily windows of local
/// (Europe/London) clock time.
///
/// Every rule is "lit ∧ not in an off window", so one evaluation serves them all: dusk-to-midnight
/// is darkness off from local 00:00 to 12:00 (noon only separates evening from morning), and
/// part-night is darkness off from 00:30 to 05:30. Darkness runs from a UTC day's sunset to
/// midnight and from midnight to its sunrise, so dusk-to-dawn crosses midnight: the morning of
/// day D is lit by the switch-on of the evening before.
///
/// [A] The codes of ``SwitchRegimeTable/standard`` (821, 822, 823, 999) are ours: the real codes
/// are in the UMSO's operational data; load them into a table.
public struct SwitchRegime: Hashable, Sendable {
    /// What lights the unit before the off windows apply.
    public enum Lighting: Hashable, Sendable {
        /// Sunset to sunrise (photocell).
        case darkness
        /// All day (signs, bollards with no cell).
        case always
    }

    /// A daily interval [from, to) of local clock time, in minutes after local midnight.
    ///
    /// On clock-change days a local time is placed with the offset in force at it; a time the
    /// spring change skips falls an hour later, one the autumn change repeats is the second.
    public struct LocalWindow: Hashable, Sendable {
        public let fromMinute: Int
        public let toMinute: Int

        /// Requires 0 ≤ from < to ≤ 1,440.
        public init(fromMinute: Int, toMinute: Int) throws(SwitchRegimeError) {
            guard 0 <= fromMinute, fromMinute < toMinute, toMinute <= 1_440 else {
                throw .invalidWindow(fromMinute: fromMinute, toMinute: toMinute)
            }
            self.fromMinute = fromMinute
            self.toMinute = toMinute
        }

        /// 00:00–12:00: off from midnight until the next dusk.
        static let midnightToNoon = try! LocalWindow(fromMinute: 0, toMinute: 720)
        /// 00:30–05:30: the part-night gap.
        static let partNightGap = try! LocalWindow(fromMinute: 30, toMinute: 330)

        /// The window on local date `date`, as UTC seconds since the epoch.
        func utcRange(on date: Int) -> Range<Int64> {
            localTime(date: date, minute: fromMinute)..<localTime(date: date, minute: toMinute)
        }

        private func localTime(date: Int, minute: Int) -> Int64 {
            let wall = Int64(date) * 86_400 + Int64(minute) * 60
            let guess = wall - LondonClock.utcOffsetSeconds(at: UTCInstant(secondsSinceEpoch: wall))
            return wall - LondonClock.utcOffsetSeconds(at: UTCInstant(secondsSinceEpoch: guess))
        }
    }

    public let code: SwitchRegimeCode
    public let name: String
    public let lighting: Lighting
    public let offWindows: [LocalWindow]

    public init(code: SwitchRegimeCode, name: String, lighting: Lighting, offWindows: [LocalWindow] = []) {
        self.code = code
        self.name = name
        self.lighting = lighting
        self.offWindows = offWindows
    }

    /// On at sunset, off at the next sunrise.
    public static func duskToDawn(code: SwitchRegimeCode) -> SwitchRegime {
        SwitchRegime(code: code, name: "dusk to dawn", lighting: .darkness)
    }

    /// On at sunset, off at local midnight.
    public static func duskToMidnight(code: SwitchRegimeCode) -> SwitchRegime {
        SwitchRegime(code: code, name: "dusk to midnight", lighting: .darkness, offWindows: [.midnightToNoon])
    }

    /// On at sunset, off 00:30–05:30 local, off at sunrise.
    public static func partNight(code: SwitchRegimeCode) -> SwitchRegime {
        SwitchRegime(code: code, name: "part night", lighting: .darkness, offWindows: [.partNightGap])
    }

    /// On 24 hours a day.
    public static func continuous(code: SwitchRegimeCode) -> SwitchRegime {
        SwitchRegime(code: code, name: "continuous", lighting: .always)
    }

    /// The seconds the unit is on in [start, end) at the place of `sun`.
    public func secondsOn(from start: UTCInstant, to end: UTCInstant, at sun: SolarCalculator) -> Int64 {
        onIntervals(from: start, to: end, at: sun).reduce(0) { $0 + Int64($1.count) }
    }

    /// The seconds on in each of the 48 half hours of a UTC day.
    public func secondsOnPerPeriod(on day: UTCDay, at sun: SolarCalculator) -> [Int64] {
        let midnight = day.midnight.secondsSinceEpoch
        var seconds = Array(repeating: Int64(0), count: UTCDay.periodCount)
        for interval in onIntervals(from: day.midnight, to: day.midnight.adding(seconds: 86_400), at: sun) {
            var cursor = interval.lowerBound
            while cursor < interval.upperBound {
                let slot = Int((cursor - midnight) / settlementPeriodSeconds)
                let slotEnd = midnight + Int64(slot + 1) * settlementPeriodSeconds
                let pieceEnd = min(slotEnd, interval.upperBound)
                seconds[slot] += pieceEnd - cursor
                cursor = pieceEnd
            }
        }
        return seconds
    }

    /// The disjoint, ascending intervals (UTC seconds since the epoch) within [start, end) when
    /// the unit is on.
    public func onIntervals(from start: UTCInstant, to end: UTCInstant, at sun: SolarCalculator) -> [Range<Int64>] {
        let lower = start.secondsSinceEpoch
        let upper = end.secondsSinceEpoch
        guard lower < upper else { return [] }
        var intervals: [Range<Int64>]
        switch lighting {
        case .always: intervals = [lower..<upper]
        case .darkness: intervals = Self.darkness(from: start, to: end, at: sun)
        }
        guard !offWindows.isEmpty else { return intervals }
        let firstDate = Self.localDate(of: lower) - 1
        let lastDate = Self.localDate(of: upper - 1)
        for date in firstDate...lastDate {
            for window in offWindows { intervals = Self.removing(window.utcRange(on: date), from: intervals) }
        }
        return intervals
    }

    /// Sunset to midnight and midnight to sunrise of each UTC day overlapping [start, end),
    /// clipped to it; adjacent pieces are joined.
    static func darkness(from start: UTCInstant, to end: UTCInstant, at sun: SolarCalculator) -> [Range<Int64>] {
        let lower = start.secondsSinceEpoch
        let upper = end.secondsSinceEpoch
        var result: [Range<Int64>] = []
        for dayNumber in start.utcDayNumber...end.adding(seconds: -1).utcDayNumber {
            let day = UTCDay(dayNumber: dayNumber)
            let midnight = day.midnight.secondsSinceEpoch
            let next = midnight + 86_400
            let pieces: [Range<Int64>]
            switch sun.daylight(on: day) {
            case .alwaysDown: pieces = [midnight..<next]
            case .alwaysUp: pieces = []
            case .riseAndSet(let sunrise, let sunset):
                let rise = min(max(sunrise.secondsSinceEpoch, midnight), next)
                let set = max(min(sunset.secondsSinceEpoch, next), rise)
                pieces = [midnight..<rise, set..<next]
            }
            for piece in pieces {
                let from = max(piece.lowerBound, lower)
                let to = min(piece.upperBound, upper)
                guard from < to else { continue }
                let clipped = from..<to
                if let last = result.last, last.upperBound == clipped.lowerBound {
                    result[result.count - 1] = last.lowerBound..<clipped.upperBound
                } else {
                    result.append(clipped)
                }
            }
        }
        return result
    }

    /// `intervals` without `cut`, order kept.
    static func removing(_ cut: Range<Int64>, from intervals: [Range<Int64>]) -> [Range<Int64>] {
        var result: [Range<Int64>] = []
        result.reserveCapacity(intervals.count + 1)
        for interval in intervals {
            guard interval.overlaps(cut) else {
                result.append(interval)
                continue
            }
            if interval.lowerBound < cut.lowerBound { result.append(interval.lowerBound..<cut.lowerBound) }
            if cut.upperBound < interval.upperBound { result.append(cut.upperBound..<interval.upperBound) }
        }
        return result
    }

    /// The local (Europe/London) date, as a day number, of an instant.
    static func localDate(of seconds: Int64) -> Int {
        let instant = UTCInstant(secondsSinceEpoch: seconds)
        return instant.adding(seconds: LondonClock.utcOffsetSeconds(at: instant)).utcDayNumber
    }
}

/// The switch regimes by code: configuration, so the real UMSO codes can be loaded.
public struct SwitchRegimeTable: Hashable, Sendable {
    public let regimes: [SwitchRegimeCode: SwitchRegime]

    /// Refuses two regimes with one code.
    public init(_ regimes: [SwitchRegime]) throws(SwitchRegimeError) {
        var table: [SwitchRegimeCode: SwitchRegime] = [:]
        for regime in regimes {
            guard table.updateValue(regime, forKey: regime.code) == nil else { throw .duplicate(code: regime.code.text) }
        }
        self.regimes = table
    }

    /// [A] Our codes: 821 dusk to dawn, 822 dusk to midnight, 823 part night (off 00:30–05:30
    /// local), 999 continuous.
    public static let standard = try! SwitchRegimeTable([
        .duskToDawn(code: try! SwitchRegimeCode("821")),
        .duskToMidnight(code: try! SwitchRegimeCode("822")),
        .partNight(code: try! SwitchRegimeCode("823")),
        .continuous(code: try! SwitchRegimeCode("999")),
    ])

    public func regime(for code: SwitchRegimeCode) throws(SwitchRegimeError) -> SwitchRegime {
        guard let regime = regimes[code] else { throw .unknown(code: code.text) }
        return regime
    }
}

/// Why a switch regime code or table is invalid.
public enum SwitchRegimeError: Error, Hashable, Sendable, CustomStringConvertible {
    case format(text: String)
    case unknown(code: String)
    case duplicate(code: String)
    case invalidWindow(fromMinute: Int, toMinute: Int)

    public var description: String {
        switch self {
        case .format(let text): "switch regime '\(text)' is not a 3-digit code"
        case .unknown(let code): "switch regime \(code) is not in the switch regime table"
        case .duplicate(let code): "switch regime \(code) appears twice in the table"
        case .invalidWindow(let from, let to): "local window \(from)–\(to) minutes is not within one day (0 ≤ from < to ≤ 1440)"
        }
    }
}
