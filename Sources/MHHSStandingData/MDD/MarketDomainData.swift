import MHHSCore

/// The Market Domain Data tables we use, with lookups by id and effective date.
public struct MarketDomainData: Sendable {
    /// The MDD version, from the file names (`GSP_Group_377.csv` → `377`).
    public let version: String
    public let gspGroups: [(group: GSPGroup, name: String)]
    public let participants: [MarketParticipant]
    public let roles: [ParticipantRole]
    public let profileClasses: [ProfileClassRecord]
    public let standardSettlementConfigurations: [SSCRecord]
    public let timePatternRegimes: [TimePatternRegimeRecord]
    public let measurementRequirements: [(ssc: String, tpr: String)]
    public let clockIntervals: [ClockIntervalRecord]
    public let llfClasses: [LLFClassRecord]

    public init(
        version: String,
        gspGroups: [(group: GSPGroup, name: String)],
        participants: [MarketParticipant],
        roles: [ParticipantRole],
        profileClasses: [ProfileClassRecord],
        standardSettlementConfigurations: [SSCRecord],
        timePatternRegimes: [TimePatternRegimeRecord],
        measurementRequirements: [(ssc: String, tpr: String)],
        clockIntervals: [ClockIntervalRecord],
        llfClasses: [LLFClassRecord]
    ) {
        self.version = version
        self.gspGroups = gspGroups
        self.participants = participants
        self.roles = roles
        self.profileClasses = profileClasses
        self.standardSettlementConfigurations = standardSettlementConfigurations
        self.timePatternRegimes = timePatternRegimes
        self.measurementRequirements = measurementRequirements
        self.clockIntervals = clockIntervals
        self.llfClasses = llfClasses
    }

    /// Row counts per table, for import summaries.
    public var rowCounts: [(table: String, rows: Int)] {
        [
            ("GSP groups", gspGroups.count), ("market participants", participants.count),
            ("participant roles", roles.count), ("profile classes", profileClasses.count),
            ("standard settlement configurations", standardSettlementConfigurations.count),
            ("time pattern regimes", timePatternRegimes.count),
            ("measurement requirements", measurementRequirements.count), ("clock intervals", clockIntervals.count),
            ("LLF classes", llfClasses.count),
        ]
    }

    /// The participants holding an MDD role (e.g. `X` supplier) on a date, sorted by id.
    public func participants(withRole roleCode: String, on date: SettlementDate) -> [MPID] {
        Set(roles.filter { $0.roleCode == roleCode && $0.effective.contains(date) }.map(\.participant)).sorted()
    }

    /// Whether a participant holds an MDD role on a date.
    public func hasRole(_ participant: MPID, _ roleCode: String, on date: SettlementDate) -> Bool {
        roles.contains { $0.participant == participant && $0.roleCode == roleCode && $0.effective.contains(date) }
    }

    public func participant(_ id: MPID) -> MarketParticipant? { participants.first { $0.id == id } }

    /// The LLF classes of a distributor in force on a date.
    public func llfClasses(of distributor: MPID, on date: SettlementDate) -> [LLFClassRecord] {
        llfClasses.filter { $0.distributor == distributor && $0.effective.contains(date) }
    }

    /// The SSC with an id in force on a date.
    public func standardSettlementConfiguration(_ id: String, on date: SettlementDate) -> SSCRecord? {
        standardSettlementConfigurations.first { $0.id == id && $0.effective.contains(date) }
    }

    /// The time pattern regimes an SSC's measurement requirements name.
    public func timePatternRegimes(ofSSC ssc: String) -> [TimePatternRegimeRecord] {
        let ids = Set(measurementRequirements.filter { $0.ssc == ssc }.map(\.tpr))
        return timePatternRegimes.filter { ids.contains($0.id) }.sorted { $0.id < $1.id }
    }

    /// The clock intervals of a time pattern regime.
    public func clockIntervals(ofTPR tpr: String) -> [ClockIntervalRecord] {
        clockIntervals.filter { $0.timePatternRegime == tpr }
    }

    public func profileClass(_ id: Int, on date: SettlementDate) -> ProfileClassRecord? {
        profileClasses.first { $0.id == id && $0.effective.contains(date) }
    }
}
