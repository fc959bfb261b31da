import MHHSCore

/// What a metering point's volume is summed under before losses and correction: supplier,
/// BM unit, class of metering point, direction, and the LDSO and LLF class its losses need.
public struct AllocationKey: Hashable, Sendable, Comparable {
    public let supplier: MPID
    public let bmUnit: String
    /// Index into ``CCCTable/meteringClasses``.
    public let meteringClass: Int
    public let direction: EnergyDirection
    public let distributor: MPID?
    public let llfClass: String?
    /// For the DUoS report (REP-002).
    public let domestic: DomesticPremiseIndicator?

    public static func < (lhs: AllocationKey, rhs: AllocationKey) -> Bool {
        (lhs.supplier.value, lhs.bmUnit, lhs.meteringClass, lhs.direction.rawValue, lhs.distributor?.value ?? "", lhs.llfClass ?? "")
            < (rhs.supplier.value, rhs.bmUnit, rhs.meteringClass, rhs.direction.rawValue, rhs.distributor?.value ?? "", rhs.llfClass ?? "")
            || (lhs.supplier.value, lhs.bmUnit, lhs.meteringClass, lhs.direction.rawValue, lhs.distributor?.value ?? "", lhs.llfClass ?? "")
                == (
                    rhs.supplier.value, rhs.bmUnit, rhs.meteringClass, rhs.direction.rawValue, rhs.distributor?.value ?? "",
                    rhs.llfClass ?? ""
                )
                && (lhs.domestic?.rawValue ?? "") < (rhs.domestic?.rawValue ?? "")
    }
}

/// The summed consumption of one GSP group and date before losses: Wh per key, data kind
/// (actual, estimated) and period, plus what was defaulted.
public struct GroupAllocation: Sendable {
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let periodCount: Int
    /// In the order the MPAN-sorted snapshot first meets them (deterministic).
    public let keys: [AllocationKey]
    /// `(key × 2 + kind) × periodCount + period`, kind 0 actual, 1 estimated; whole Wh.
    public let wattHours: [Int64]
    public let defaulted: [DefaultedMeteringPoint]
    public let statistics: AllocationStatistics
    /// Metering points per key.
    public let meteringPointCounts: [Int]
    /// De-energised metering points per key (the rest are energised or of unknown status).
    public let deEnergisedCounts: [Int]

    public func energy(key: Int, estimated: Bool, period: Int) -> Int64 {
        wattHours[(key * 2 + (estimated ? 1 : 0)) * periodCount + period]
    }
}

/// A metering point the VAS defaulted for some periods (the IF-013 content).
public struct DefaultedMeteringPoint: Sendable, Hashable {
    public let mpan: MPAN
    public let supplier: MPID
    public let bmUnit: String
    /// The appointed data service, when the register has one (the IF-013's recipient).
    public let dataService: MPID?
    public let distributor: MPID?
    /// Index into ``CCCTable/meteringClasses``.
    public let meteringClass: Int
    public let domestic: Bool
    public let quantity: MeasurementQuantity
    /// Bit i: SP i+1 was defaulted.
    public let periods: UInt64
    /// Wh of each defaulted period, in period order (one per bit of ``periods``).
    public let wattHours: [Int64]
    /// The load-shape flag of each defaulted period (IF-013's `defaultLoadShapeFlag`): the
    /// shape's own, or `E` for the flat back-stop.
    public let flags: [LoadShapeFlag]
    public let method: DefaultingMethod
}

/// Counts that explain a group's result (REP-007-style statistics and the run manifest).
public struct AllocationStatistics: Sendable, Hashable, Codable {
    /// MHHS metering points with a supplier on the date.
    public var meteringPoints = 0
    public var withCompleteData = 0
    public var defaultedMeteringPoints = 0
    public var defaultedPeriods = 0
    /// De-energised metering points with missing periods: settled at zero for them.
    public var deEnergisedWithoutData = 0
    /// Registered metering points the VAS does not settle: legacy arrangements, no supplier, or
    /// a segment/connection type pair with no CCC.
    public var notSettled = 0
    /// Period values scanned.
    public var valuesRead = 0

    public init() {}
}
