import MHHSCore
import MHHSRegistration

/// Where the run-off of the legacy arrangements stands, per market segment: how many points
/// are still legacy, the last settlement date any migrated point was legacy, and once a segment
/// is closed, the reruns of that date that still need the legacy path and when it can go.
public struct RunOffReport: Sendable {
    public struct Segment: Sendable {
        public let segment: MarketSegment
        /// Points the register has on a legacy arrangement on ``horizon`` (open-ended).
        public let openLegacyPoints: Int
        /// Wave points by status.
        public let waveStatus: [MigrationStatus: Int]
        /// The last settlement date on which any wave point of the segment was legacy.
        public let lastLegacyDate: SettlementDate?
        /// The recorded closure, if any.
        public let closure: LegacyClosure?
        /// The runs of the last legacy date (legacy or MHHS run set, as the timetable gives it),
        /// each still needing the legacy path until it has run.
        public let finalReruns: [SettlementTimetable.ScheduledRun]
        /// The legacy path's last run: the latest dispute final of any date up to the last
        /// legacy date. That is the last date's own DF, unless the dates straddle the switch to
        /// the MHHS timetable (shorter DF offset), when the last legacy-timetable date's DF is later.
        public let finalLegacyRun: SettlementTimetable.ScheduledRun?

        /// The date after which the segment's legacy path can close: every wave point
        /// migrated and no legacy point left; nil while that is not so.
        public var closableAfter: SettlementDate? {
            guard openLegacyPoints == 0, waveStatus[.planned, default: 0] == 0, waveStatus[.requested, default: 0] == 0 else { return nil }
            return lastLegacyDate
        }

        /// The last settlement date that still needs legacy reruns (the closed segment's last legacy date).
        public var lastDateNeedingLegacyReruns: SettlementDate? { closure?.lastLegacyDate ?? closableAfter }

    }

    public let at: UTCInstant
    /// The settlement date the open legacy points were counted on.
    public let horizon: SettlementDate
    public let segments: [Segment]

    /// Legacy processing can be switched off the day after the last segment's dispute final;
    /// nil while any segment with legacy points is still open.
    public var switchOffDate: SettlementDate? {
        let finals = segments.filter { $0.openLegacyPoints > 0 || $0.lastLegacyDate != nil }
        guard !finals.isEmpty, finals.allSatisfy({ $0.finalLegacyRun != nil }) else { return nil }
        return finals.compactMap { $0.finalLegacyRun?.dueDate }.max()!.adding(days: 1)
    }

    public static func build(
        register: any RegisterRepository, migrations: any MigrationRepository, at now: UTCInstant,
        timetable: SettlementTimetable = SettlementTimetable()
    ) async throws -> RunOffReport {
        let items = try await migrations.items(wave: nil)
        let closures = try await migrations.closures()
        let horizon = Self.horizon(of: items, at: now)
        let open = try await openLegacyPoints(register: register, on: horizon, at: now)
        var lastLegacy: [MarketSegment: SettlementDate] = [:]
        let moved = items.filter { $0.status == .migrated || $0.status == .reversed }
        for (item, history) in zip(moved, try await register.assertions(for: moved.map(\.mpan))) {
            guard let last = lastLegacyDate(history, asKnownAt: now) else { continue }
            lastLegacy[item.segment] = max(lastLegacy[item.segment] ?? last, last)
        }
        // Points can leave the legacy path outside waves (an MCS change of supplier, a
        // disconnection): the register itself says which later dates still had legacy points.
        let closedSegments = Set(closures.map(\.segment))
        var searching = Set(lastLegacy.keys.filter { open[$0, default: 0] == 0 && !closedSegments.contains($0) })
        var day = horizon
        while !searching.isEmpty, let earliest = searching.compactMap({ lastLegacy[$0] }).min(), day > earliest {
            var found = Set<MarketSegment>()
            for group in GSPGroup.allCases {
                let snapshot = try await register.snapshot(of: group, on: day, asKnownAt: now)
                for candidate in MigrationCandidate.all(in: snapshot) where searching.contains(candidate.segment) {
                    found.insert(candidate.segment)
                }
            }
            for segment in found where day > lastLegacy[segment]! { lastLegacy[segment] = day }
            searching.subtract(found)
            searching = searching.filter { day.adding(days: -1) > lastLegacy[$0]! }
            day = day.adding(days: -1)
        }
        let segments = MarketSegment.allCases.map { segment in
            let inSegment = items.filter { $0.segment == segment }
            let closure = closures.first { $0.segment == segment }
            let last = closure?.lastLegacyDate ?? lastLegacy[segment]
            var status: [MigrationStatus: Int] = [:]
            for item in inSegment { status[item.status, default: 0] += 1 }
            let closable = open[segment, default: 0] == 0 && status[.planned, default: 0] == 0 && status[.requested, default: 0] == 0
            let reruns = (closure != nil || closable) ? last.map { timetable.schedule(for: $0) } ?? [] : []
            var finalRun = reruns.last
            if let last, !reruns.isEmpty, last >= timetable.mhhsSwitchDate,
                let legacyFinal = timetable.schedule(for: timetable.mhhsSwitchDate.adding(days: -1)).last,
                legacyFinal.dueDate > finalRun!.dueDate
            {
                finalRun = legacyFinal
            }
            return Segment(
                segment: segment, openLegacyPoints: open[segment, default: 0], waveStatus: status, lastLegacyDate: last, closure: closure,
                finalReruns: reruns, finalLegacyRun: finalRun)
        }
        return RunOffReport(at: now, horizon: horizon, segments: segments)
    }

    /// The date open legacy points are counted on: the later of today and the last planned date.
    static func horizon(of items: [MigrationItem], at instant: UTCInstant) -> SettlementDate {
        let today = LocalSettlementPeriod(containing: instant).date
        return max(today, items.map(\.plannedDate).max() ?? today)
    }

    /// The legacy points per segment in the register on `date` as known at `instant`.
    public static func openLegacyPoints(register: any RegisterRepository, on date: SettlementDate, at instant: UTCInstant) async throws
        -> [MarketSegment: Int]
    {
        var open: [MarketSegment: Int] = [:]
        for group in GSPGroup.allCases {
            let snapshot = try await register.snapshot(of: group, on: date, asKnownAt: instant)
            for candidate in MigrationCandidate.all(in: snapshot) { open[candidate.segment, default: 0] += 1 }
        }
        return open
    }

    /// The last settlement date a point was on a legacy arrangement before it settled under
    /// MHHS for good, as known at `instant`; nil when it is legacy still (or never was).
    static func lastLegacyDate(_ history: [RegisterAssertion], asKnownAt instant: UTCInstant) -> SettlementDate? {
        let known = history.filter { $0.recordedAt <= instant }
        let changes = Set(known.filter { $0.mask.contains(.arrangement) }.map(\.effectiveFrom)).sorted()
        var last: SettlementDate?
        for (index, date) in changes.enumerated() {
            guard let arrangement = RegisterFold.state(of: known, on: date, asKnownAt: instant)?.arrangement else { continue }
            if arrangement != .mhhs {
                guard index + 1 < changes.count else { return nil }
                last = changes[index + 1].adding(days: -1)
            }
        }
        return last
    }
}
