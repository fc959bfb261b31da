/// The ECS reports the VAS produces, with their DIP event codes.
public enum ECSReport: String, Sendable, CaseIterable {
    case rep002 = "REP-002"
    case rep003 = "REP-003"
    case rep004 = "REP-004"
    case rep006 = "REP-006"
    case rep007 = "REP-007"
    case rep008 = "REP-008"

    public var eventCode: String {
        switch self {
        case .rep002: "[DUOSSupplierAggData]"
        case .rep003: "[BMUnitAllocatedDemandVolumesToMarketParticipants]"
        case .rep004: "[SupplierDeemedTakeReport]"
        case .rep006: "[UncorrectedConsumptionAndLossesByCCCID]"
        case .rep007: "[BMUnitDefaultsToSuppliers]"
        case .rep008: "[LDSOLLFDefaultData]"
        }
    }
}

/// Who sends ECS reports on the DIP [A]: configurable; the default is a fictional ECS id.
public struct ReportSender: Sendable, Hashable {
    public let dipID: String
    public let environmentTag: String

    public init(dipID: String, environmentTag: String) {
        self.dipID = dipID
        self.environmentTag = environmentTag
    }

    public static let standard = ReportSender(dipID: "5000000001", environmentTag: "PRD")
}
