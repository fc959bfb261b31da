import MHHSCore

/// What MDS needs to know about a metering point on a settlement date to accept its data.
public struct MeteringPointDay: Sendable, Hashable {
    public let gspGroup: GSPGroup
    /// Registered in the MHHS arrangement with a supplier on the date.
    public let settledInMHHS: Bool
    public let deEnergised: Bool

    public init(gspGroup: GSPGroup, settledInMHHS: Bool, deEnergised: Bool) {
        self.gspGroup = gspGroup
        self.settledInMHHS = settledInMHHS
        self.deEnergised = deEnergised
    }
}

/// The configurable parts of MDS validation.
public struct MDSRules: Sendable {
    /// [A] ECS1012's "ECS Maximum Permitted" per period: the store's Int32 Wh limit
    /// (2,147,483.647 kWh) unless configured lower.
    public var maximumWattHoursPerPeriod: Int64 = Int64(Int32.max)
    /// Gives the RF run date of a settlement date (ECS1003: data for a date whose RF has run
    /// is refused). Default: the MHHS/legacy timetable with England & Wales holidays.
    public var finalReconciliationDate: @Sendable (SettlementDate) -> SettlementDate?

    public init(
        maximumWattHoursPerPeriod: Int64 = Int64(Int32.max),
        finalReconciliationDate: @escaping @Sendable (SettlementDate) -> SettlementDate? = { date in
            SettlementTimetable().dueDate(of: .finalReconciliation, for: date)
        }
    ) {
        self.maximumWattHoursPerPeriod = min(maximumWattHoursPerPeriod, Int64(Int32.max))
        self.finalReconciliationDate = finalReconciliationDate
    }
}
