/// A settlement run of a settlement date [S]: interim information, initial settlement, the
/// reconciliation runs and the dispute final.
public enum SettlementRunType: String, CodeValue, Comparable {
    case interimInformation = "II"
    case initialSettlement = "SF"
    case firstReconciliation = "R1"
    case secondReconciliation = "R2"
    case thirdReconciliation = "R3"
    case finalReconciliation = "RF"
    case disputeFinal = "DF"

    public static let kind = "settlement run"

    public static func < (lhs: SettlementRunType, rhs: SettlementRunType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// When a run falls due after its settlement date.
public enum RunOffset: Hashable, Sendable, CustomStringConvertible {
    /// The n-th working day after the settlement date.
    case workingDays(Int)
    /// [A] The first working day on or after the same day n calendar months later (the
    /// dispute-final runs are published as "~28 months" / "20 months", not in working days).
    case months(Int)

    public var description: String {
        switch self {
        case .workingDays(let count): "\(count) WD"
        case .months(let count): "\(count) months"
        }
    }
}
