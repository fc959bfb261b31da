import MHHSCore
import MHHSLegacy
import MHHSRegistration

/// A legacy metering point that could migrate, as the register has it on a wave's start date.
public struct MigrationCandidate: Sendable, Hashable {
    public let mpan: MPAN
    public let gspGroup: GSPGroup
    public let distributor: MPID
    public let supplier: MPID
    public let segment: MarketSegment
    public let arrangement: SettlementArrangement
    /// The register's annual consumption, else the profile class default [A], else 0.
    public let annualWh: Int64

    public init(
        mpan: MPAN, gspGroup: GSPGroup, distributor: MPID, supplier: MPID, segment: MarketSegment, arrangement: SettlementArrangement,
        annualWh: Int64
    ) {
        self.mpan = mpan
        self.gspGroup = gspGroup
        self.distributor = distributor
        self.supplier = supplier
        self.segment = segment
        self.arrangement = arrangement
        self.annualWh = annualWh
    }

    /// Every legacy point of a group's register snapshot that has a supplier, LDSO and segment.
    public static func all(in snapshot: RegisterSnapshot) -> [MigrationCandidate] {
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        var found: [MigrationCandidate] = []
        for point in 0..<snapshot.count {
            let arrangement = snapshot.arrangement[point]
            guard arrangement != mhhs, arrangement != RegisterSnapshot.absent, snapshot.distributor[point] >= 0,
                snapshot.marketSegment[point] != RegisterSnapshot.absent
            else { continue }
            let recorded = snapshot.annualConsumptionWh[point]
            let profileClass = Int(snapshot.profileClass[point])
            found.append(
                MigrationCandidate(
                    mpan: try! MPAN(String(snapshot.mpans[point])), gspGroup: snapshot.gspGroup,
                    distributor: snapshot.participants[Int(snapshot.distributor[point])],
                    supplier: snapshot.participants[Int(snapshot.supplier[point])],
                    segment: MarketSegment.allCases[Int(snapshot.marketSegment[point])],
                    arrangement: SettlementArrangement.allCases[Int(arrangement)],
                    annualWh: LegacyNHHVolumes.annualWh(recorded: recorded, profileClass: profileClass)))
        }
        return found
    }
}

/// Gives a wave's points their dates: each LDSO's points in MPAN order from the start date,
/// a day at a time, never more on a day than the LDSO's threshold less what earlier waves
/// already booked there. Deterministic: the same register and bookings give the same plan.
public enum MigrationPlanner {
    public static func plan(
        wave: MigrationWave, candidates: [MigrationCandidate], booked: [MPID: [SettlementDate: Int]], active: Set<MPAN>,
        calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) throws(MigrationError) -> [MigrationItem] {
        // Never backdated: dates up to now may already be settled on the legacy path.
        let today = LocalSettlementPeriod(containing: wave.createdAt).date
        guard wave.schedule.start >= today else {
            throw .invalidPlan("the start date \(wave.schedule.start) is before the plan's own date \(today)")
        }
        if let limit = wave.selection.limit, limit < 1 { throw .invalidPlan("the limit must be at least 1, not \(limit)") }
        var chosen = candidates.filter { wave.selection.accepts($0) && !active.contains($0.mpan) }.sorted { $0.mpan < $1.mpan }
        if let limit = wave.selection.limit { chosen = Array(chosen.prefix(limit)) }
        for segment in Set(chosen.map(\.segment)).sorted(by: { $0.rawValue < $1.rawValue }) {
            for role in [AppointmentRole.dataService(for: segment), .meteringService(for: segment)] where wave.provider(for: role) == nil {
                throw .invalidPlan(
                    "segment \(segment) points are selected but no \(role.rawValue) provider is named (--provider \(role.rawValue)=MPID)")
            }
        }
        var booked = booked
        var items: [MigrationItem] = []
        items.reserveCapacity(chosen.count)
        let schedule = wave.schedule
        func firstDay(from date: SettlementDate) -> SettlementDate {
            schedule.workingDaysOnly ? calendar.workingDay(onOrAfter: date) : date
        }
        var nextDay: [MPID: SettlementDate] = [:]
        for candidate in chosen {
            let threshold = schedule.threshold(of: candidate.distributor)
            guard threshold > 0 else { throw .invalidPlan("LDSO \(candidate.distributor) has a daily threshold of \(threshold)") }
            var day = nextDay[candidate.distributor] ?? firstDay(from: schedule.start)
            while booked[candidate.distributor, default: [:]][day, default: 0] >= threshold { day = firstDay(from: day.adding(days: 1)) }
            booked[candidate.distributor, default: [:]][day, default: 0] += 1
            nextDay[candidate.distributor] = day
            items.append(
                MigrationItem(
                    wave: wave.id, mpan: candidate.mpan, gspGroup: candidate.gspGroup, distributor: candidate.distributor,
                    supplier: candidate.supplier, segment: candidate.segment, annualWh: candidate.annualWh, plannedDate: day,
                    status: .planned, detail: "", updatedAt: wave.createdAt))
        }
        return items
    }
}

/// Why a migration request was refused.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidPlan(String)
    case duplicateWave(String)
    case unknownWave(String)
    case legacyPathClosed(String)

    public var description: String {
        switch self {
        case .invalidPlan(let message): "invalid plan: \(message)"
        case .duplicateWave(let id): "a wave named \(id) already exists"
        case .unknownWave(let id): "no wave named \(id)"
        case .legacyPathClosed(let message): "legacy path closed: \(message)"
        }
    }
}
