/// The settlement timetables: which runs a settlement date gets and when each falls due.
///
/// Two run sets exist [S]: the legacy one (II, SF, R1, R2, R3, RF, DF) and the MHHS one
/// (II, SF, R1, RF, DF) with shorter offsets. Settlement dates on or after ``mhhsSwitchDate``
/// use the MHHS set [A]; earlier dates keep the legacy set through to their dispute final.
public struct SettlementTimetable: Sendable {
    /// A named run set with its offsets.
    public struct RunSet: Hashable, Sendable {
        public let name: Name
        public let offsets: [SettlementRunType: RunOffset]

        public enum Name: String, CodeValue {
            case legacy
            case mhhs
            public static let kind = "timetable"
        }

        public init(name: Name, offsets: [SettlementRunType: RunOffset]) {
            self.name = name
            self.offsets = offsets
        }

        /// The runs of the set in timetable order.
        public var runs: [SettlementRunType] { offsets.keys.sorted() }

        public static let legacy = RunSet(
            name: .legacy,
            offsets: [
                .interimInformation: .workingDays(5), .initialSettlement: .workingDays(16),
                .firstReconciliation: .workingDays(39), .secondReconciliation: .workingDays(84),
                .thirdReconciliation: .workingDays(154), .finalReconciliation: .workingDays(292),
                .disputeFinal: .months(28),
            ]
        )

        public static let mhhs = RunSet(
            name: .mhhs,
            offsets: [
                .interimInformation: .workingDays(4), .initialSettlement: .workingDays(7),
                .firstReconciliation: .workingDays(30), .finalReconciliation: .workingDays(84),
                .disputeFinal: .months(20),
            ]
        )
    }

    /// A run of a settlement date with the working day it falls due.
    public struct ScheduledRun: Hashable, Sendable {
        public let settlementDate: SettlementDate
        public let run: SettlementRunType
        public let dueDate: SettlementDate
        public let runSet: RunSet.Name
    }

    /// The real switch is 2 Jul 2027 [S].
    public static let defaultMHHSSwitchDate = try! SettlementDate(year: 2027, month: 7, day: 2)

    public var calendar: WorkingDayCalendar
    public var legacy: RunSet
    public var mhhs: RunSet
    /// The first settlement date settled on the MHHS run set.
    public var mhhsSwitchDate: SettlementDate

    public init(
        calendar: WorkingDayCalendar = WorkingDayCalendar(),
        legacy: RunSet = .legacy,
        mhhs: RunSet = .mhhs,
        mhhsSwitchDate: SettlementDate = defaultMHHSSwitchDate
    ) {
        self.calendar = calendar
        self.legacy = legacy
        self.mhhs = mhhs
        self.mhhsSwitchDate = mhhsSwitchDate
    }

    /// The run set that applies to a settlement date.
    public func runSet(for date: SettlementDate) -> RunSet { date >= mhhsSwitchDate ? mhhs : legacy }

    public func runSet(named name: RunSet.Name) -> RunSet { name == .legacy ? legacy : mhhs }

    /// When `run` of `date` falls due under `runSet` (default: the set that applies to `date`),
    /// or nil when that set has no such run.
    public func dueDate(of run: SettlementRunType, for date: SettlementDate, runSet: RunSet.Name? = nil) -> SettlementDate? {
        let set = runSet.map(self.runSet(named:)) ?? self.runSet(for: date)
        guard let offset = set.offsets[run] else { return nil }
        return due(date, offset)
    }

    /// Every run of `date` with its due date, in timetable order.
    public func schedule(for date: SettlementDate, runSet: RunSet.Name? = nil) -> [ScheduledRun] {
        let set = runSet.map(self.runSet(named:)) ?? self.runSet(for: date)
        return set.runs.map { ScheduledRun(settlementDate: date, run: $0, dueDate: due(date, set.offsets[$0]!), runSet: set.name) }
    }

    /// Every run that falls due on `day`, each settlement date under the run set that applies
    /// to it, sorted by settlement date then run.
    public func runsDue(on day: SettlementDate) -> [ScheduledRun] {
        var found: [ScheduledRun] = []
        for set in [legacy, mhhs] {
            for (run, offset) in set.offsets {
                // A settlement date is at most this far back; scan the window and keep exact hits.
                let window = lookBackDays(offset)
                for back in 1...window {
                    let date = day.adding(days: -back)
                    guard self.runSet(for: date).name == set.name, due(date, offset) == day else { continue }
                    found.append(ScheduledRun(settlementDate: date, run: run, dueDate: day, runSet: set.name))
                }
            }
        }
        return found.sorted { ($0.settlementDate, $0.run) < ($1.settlementDate, $1.run) }
    }

    func due(_ date: SettlementDate, _ offset: RunOffset) -> SettlementDate {
        switch offset {
        case .workingDays(let count): calendar.adding(workingDays: count, to: date)
        case .months(let count): calendar.workingDay(onOrAfter: date.adding(months: count))
        }
    }

    func lookBackDays(_ offset: RunOffset) -> Int {
        switch offset {
        // At least 5 of any 7 days are weekdays, and holidays cost at most ~10 more a year.
        case .workingDays(let count): count * 7 / 5 + 20 + count / 20
        case .months(let count): count * 31 + 15
        }
    }
}
