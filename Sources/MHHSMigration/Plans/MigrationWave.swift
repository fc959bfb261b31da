import MHHSCore
import MHHSRegistration

/// A wave: the legacy metering points one selection picked, each given a migration date under
/// the daily thresholds, and the MHHS services to appoint to them.
public struct MigrationWave: Sendable, Hashable, Codable {
    /// The wave's name (`W1`, `smart-eastern-1` …), unique in the store.
    public let id: String
    public let createdAt: UTCInstant
    public let selection: WaveSelection
    public let schedule: WaveSchedule
    /// The provider to appoint per MHHS role (`SDS`, `MSS`, `ADS`, `MSA`, `UMSDS`, `UMSO`), by
    /// the role's DIP code.
    public let providers: [String: MPID]

    public init(id: String, createdAt: UTCInstant, selection: WaveSelection, schedule: WaveSchedule, providers: [AppointmentRole: MPID]) {
        self.id = id
        self.createdAt = createdAt
        self.selection = selection
        self.schedule = schedule
        self.providers = Dictionary(uniqueKeysWithValues: providers.map { ($0.key.rawValue, $0.value) })
    }

    public func provider(for role: AppointmentRole) -> MPID? { providers[role.rawValue] }
}

/// Which legacy metering points a wave takes: every criterion given must hold.
public struct WaveSelection: Sendable, Hashable, Codable {
    public var segments: [MarketSegment]?
    public var distributors: [MPID]?
    public var suppliers: [MPID]?
    public var groups: [GSPGroup]?
    /// Customer size: annual consumption (the register's, else the class default) in Wh.
    public var minimumAnnualWh: Int64?
    public var maximumAnnualWh: Int64?
    /// At most this many points (the smallest MPANs first).
    public var limit: Int?

    public init(
        segments: [MarketSegment]? = nil, distributors: [MPID]? = nil, suppliers: [MPID]? = nil, groups: [GSPGroup]? = nil,
        minimumAnnualWh: Int64? = nil, maximumAnnualWh: Int64? = nil, limit: Int? = nil
    ) {
        self.segments = segments
        self.distributors = distributors
        self.suppliers = suppliers
        self.groups = groups
        self.minimumAnnualWh = minimumAnnualWh
        self.maximumAnnualWh = maximumAnnualWh
        self.limit = limit
    }

    func accepts(_ candidate: MigrationCandidate) -> Bool {
        if let segments, !segments.contains(candidate.segment) { return false }
        if let distributors, !distributors.contains(candidate.distributor) { return false }
        if let suppliers, !suppliers.contains(candidate.supplier) { return false }
        if let groups, !groups.contains(candidate.gspGroup) { return false }
        if let minimumAnnualWh, candidate.annualWh < minimumAnnualWh { return false }
        if let maximumAnnualWh, candidate.annualWh > maximumAnnualWh { return false }
        return true
    }
}

/// When a wave's points migrate: from `start`, at most so many per LDSO per day (counting every
/// wave's points booked that day), optionally on working days only.
public struct WaveSchedule: Sendable, Hashable, Codable {
    public var start: SettlementDate
    /// [A] The daily threshold of an LDSO not listed in `thresholds`. The programme's were set
    /// per LDSO and are not public; configure them.
    public var defaultDailyThreshold: Int
    /// Per LDSO (MPID), its daily threshold.
    public var thresholds: [String: Int]
    public var workingDaysOnly: Bool

    public init(start: SettlementDate, defaultDailyThreshold: Int, thresholds: [MPID: Int] = [:], workingDaysOnly: Bool = false) {
        self.start = start
        self.defaultDailyThreshold = defaultDailyThreshold
        self.thresholds = Dictionary(uniqueKeysWithValues: thresholds.map { ($0.key.value, $0.value) })
        self.workingDaysOnly = workingDaysOnly
    }

    public func threshold(of distributor: MPID) -> Int { thresholds[distributor.value] ?? defaultDailyThreshold }
}

/// Where a wave's metering point has got to.
public enum MigrationStatus: String, CodeValue {
    /// Given a date; nothing sent yet.
    case planned
    /// The MCA appointments are with the Registration Service and the providers.
    case requested
    /// The register settles it under MHHS from its date.
    case migrated
    /// An appointment was refused, rejected or lapsed (the detail says which); re-plan it.
    case failed
    /// Migrated, then taken back to a legacy arrangement.
    case reversed

    public static let kind = "migration status"
}

/// One metering point of a wave.
public struct MigrationItem: Sendable, Hashable {
    public let wave: String
    public let mpan: MPAN
    public let gspGroup: GSPGroup
    public let distributor: MPID
    public let supplier: MPID
    public let segment: MarketSegment
    public let annualWh: Int64
    public let plannedDate: SettlementDate
    public var status: MigrationStatus
    /// Appointment ids while requested; the reason when failed.
    public var detail: String
    public var updatedAt: UTCInstant

    public init(
        wave: String, mpan: MPAN, gspGroup: GSPGroup, distributor: MPID, supplier: MPID, segment: MarketSegment, annualWh: Int64,
        plannedDate: SettlementDate, status: MigrationStatus, detail: String, updatedAt: UTCInstant
    ) {
        self.wave = wave
        self.mpan = mpan
        self.gspGroup = gspGroup
        self.distributor = distributor
        self.supplier = supplier
        self.segment = segment
        self.annualWh = annualWh
        self.plannedDate = plannedDate
        self.status = status
        self.detail = detail
        self.updatedAt = updatedAt
    }
}
