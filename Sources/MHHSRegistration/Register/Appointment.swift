import MHHSCore

/// A service provider appointed to a metering point in a role.
public struct Appointment: Hashable, Sendable, Codable, CustomStringConvertible {
    public let role: AppointmentRole
    public let provider: MPID

    public init(role: AppointmentRole, provider: MPID) {
        self.role = role
        self.provider = provider
    }

    public var description: String { "\(role.rawValue) \(provider)" }
}

/// The roles a metering point has service providers appointed in: the MHHS data and metering
/// services and, while a point is settled in the legacy arrangements, the legacy agents.
public enum AppointmentRole: String, CodeValue {
    case smartDataService = "SDS"
    case advancedDataService = "ADS"
    case unmeteredDataService = "UMSDS"
    case smartMeteringService = "MSS"
    case advancedMeteringService = "MSA"
    case unmeteredSupplyOperator = "UMSO"
    case nonHalfHourlyDataCollector = "NHHDC"
    case nonHalfHourlyDataAggregator = "NHHDA"
    case halfHourlyDataCollector = "HHDC"
    case halfHourlyDataAggregator = "HHDA"

    public static let kind = "appointment role"

    /// The fact an appointment in this role fills.
    public var fact: RegisterFact {
        switch self {
        case .smartDataService, .advancedDataService, .unmeteredDataService: .dataService
        case .smartMeteringService, .advancedMeteringService, .unmeteredSupplyOperator: .meteringService
        case .nonHalfHourlyDataCollector, .halfHourlyDataCollector: .legacyDataCollector
        case .nonHalfHourlyDataAggregator, .halfHourlyDataAggregator: .legacyDataAggregator
        }
    }

    /// The metering service role that serves a segment.
    public static func meteringService(for segment: MarketSegment) -> AppointmentRole {
        switch segment {
        case .smart: .smartMeteringService
        case .advanced: .advancedMeteringService
        case .unmetered: .unmeteredSupplyOperator
        }
    }

    /// The data service role that serves a segment.
    public static func dataService(for segment: MarketSegment) -> AppointmentRole {
        switch segment {
        case .smart: .smartDataService
        case .advanced: .advancedDataService
        case .unmetered: .unmeteredDataService
        }
    }
}

/// Annual consumption (EAC/AA or the MHHS annual consumption) with its quality indicator.
public struct AnnualConsumption: Hashable, Sendable, Codable {
    public let energy: Energy
    /// The quality indicator (B027): `A` actual, `1`/`2` more/less than 75 % actual data, `3` 100 %
    /// estimated, `4`/`5` more/less than 50 % no data, `D` defaulted.
    public let quality: String

    public static let qualityIndicators = ["A", "1", "2", "3", "4", "5", "D"]

    public init(energy: Energy, quality: String) {
        self.energy = energy
        self.quality = quality
    }
}

extension Energy: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wattHours: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wattHours)
    }
}
