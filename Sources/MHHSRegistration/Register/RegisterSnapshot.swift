import MHHSCore

/// The register of one GSP group for one settlement date as known at one instant, in columns.
///
/// One entry per metering point that has a supplier on the date, sorted by MPAN. Text values
/// are dictionary-encoded (an `Int32` index into a small table) and codes are `UInt8` indices
/// into their `allCases`, so the VAS scans plain arrays without allocating per metering point.
/// ``absent`` marks a missing code or index.
public struct RegisterSnapshot: Sendable {
    public static let absent: UInt8 = .max
    public static let absentIndex: Int32 = -1

    public let gspGroup: GSPGroup
    public let settlementDate: SettlementDate
    public let asKnownAt: UTCInstant

    public internal(set) var mpans: [Int64] = []
    /// Index into ``participants``.
    public internal(set) var supplier: [Int32] = []
    /// Index into ``participants``, or ``absentIndex``.
    public internal(set) var dataService: [Int32] = []
    /// `AppointmentRole.allCases` index, or ``absent``.
    public internal(set) var dataServiceRole: [UInt8] = []
    /// Index into ``participants``, or ``absentIndex``.
    public internal(set) var meteringService: [Int32] = []
    /// `AppointmentRole.allCases` index, or ``absent``.
    public internal(set) var meteringServiceRole: [UInt8] = []
    /// Index into ``participants``, or ``absentIndex``.
    public internal(set) var distributor: [Int32] = []
    public internal(set) var connectionType: [UInt8] = []
    public internal(set) var marketSegment: [UInt8] = []
    public internal(set) var energyDirection: [UInt8] = []
    public internal(set) var domesticPremise: [UInt8] = []
    public internal(set) var energisation: [UInt8] = []
    public internal(set) var arrangement: [UInt8] = []
    /// Index into ``llfClasses``, or ``absentIndex``.
    public internal(set) var llfClass: [Int32] = []
    /// Profile class 1–8, or 0 for none.
    public internal(set) var profileClass: [UInt8] = []
    /// Index into ``standardSettlementConfigurations``, or ``absentIndex``.
    public internal(set) var standardSettlementConfiguration: [Int32] = []
    /// Annual consumption in Wh, or -1 when none is recorded.
    public internal(set) var annualConsumptionWh: [Int64] = []

    public internal(set) var participants: [MPID] = []
    public internal(set) var llfClasses: [String] = []
    public internal(set) var standardSettlementConfigurations: [String] = []

    public var count: Int { mpans.count }

    public init(gspGroup: GSPGroup, settlementDate: SettlementDate, asKnownAt: UTCInstant) {
        self.gspGroup = gspGroup
        self.settlementDate = settlementDate
        self.asKnownAt = asKnownAt
    }

    /// The state of entry `index` rebuilt as facts (for tests and point look-ups, not for scans).
    public func facts(at index: Int) -> MeteringPointFacts {
        func code<C: CodeValue>(_ column: [UInt8], _: C.Type) -> C? where C.AllCases == [C] {
            column[index] == Self.absent ? nil : C.allCases[Int(column[index])]
        }
        func participant(_ column: [Int32]) -> MPID? { column[index] < 0 ? nil : participants[Int(column[index])] }
        var facts = MeteringPointFacts()
        facts.supplier = participant(supplier)
        if let provider = participant(dataService), let role = code(dataServiceRole, AppointmentRole.self) {
            facts.dataService = Appointment(role: role, provider: provider)
        }
        if let provider = participant(meteringService), let role = code(meteringServiceRole, AppointmentRole.self) {
            facts.meteringService = Appointment(role: role, provider: provider)
        }
        facts.distributor = participant(distributor)
        facts.connectionType = code(connectionType, ConnectionType.self)
        facts.marketSegment = code(marketSegment, MarketSegment.self)
        facts.energyDirection = code(energyDirection, EnergyDirection.self)
        facts.domesticPremise = code(domesticPremise, DomesticPremiseIndicator.self)
        facts.energisation = code(energisation, EnergisationStatus.self)
        facts.arrangement = code(arrangement, SettlementArrangement.self)
        facts.llfClass = llfClass[index] < 0 ? nil : llfClasses[Int(llfClass[index])]
        facts.profileClass = profileClass[index] == 0 ? nil : Int(profileClass[index])
        let ssc = standardSettlementConfiguration[index]
        facts.standardSettlementConfiguration = ssc < 0 ? nil : standardSettlementConfigurations[Int(ssc)]
        return facts
    }
}
