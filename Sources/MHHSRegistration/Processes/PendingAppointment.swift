import MHHSCore
import MHHSMessages

/// A service-provider appointment the Registration Service is handling: requested by a
/// supplier (IF-031), put to the proposed provider (IF-033), then accepted, rejected (IF-034)
/// or lapsed when the provider does not answer in time.
public struct PendingAppointment: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case pending, accepted, rejected, lapsed
    }

    public let id: String
    public let mpan: MPAN
    public let role: AppointmentRole
    public let provider: MPID
    public let effectiveFrom: SettlementDate
    public let requestingSupplier: MPID
    public let requestedAt: UTCInstant
    /// `COS`, `CSP`, `USP`, `SEG`, `MCA`, `MCS` or `ALG` (B070/B071 `appointmentScenario`).
    public let scenario: String
    /// The proposal block (B070 or B071) as the supplier sent it, echoed in IF-032 to IF-035.
    public let proposal: [String: JSONValue]
    public var status: Status

    /// The proposal's block id: B071 for a data service, B070 for a metering service.
    public var blockID: String { role.fact == .dataService ? "B071" : "B070" }
    /// `DS` or `MS`, as the event codes spell it.
    public var kind: String { role.fact == .dataService ? "DS" : "MS" }
}

/// The service-provider appointment requests and answers.
public struct AppointmentRequest: Sendable {
    public let mpan: MPAN
    public let role: AppointmentRole
    public let provider: MPID
    public let effectiveFrom: SettlementDate
    public let scenario: String
    public let contractReference: String?
    /// For a data service: the proposed consent granularity (`H`, `D`, `M`, `N`).
    public let consentGranularity: String

    public init(
        mpan: MPAN, role: AppointmentRole, provider: MPID, effectiveFrom: SettlementDate, scenario: String,
        contractReference: String? = nil, consentGranularity: String = "H"
    ) {
        self.mpan = mpan
        self.role = role
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.scenario = scenario
        self.contractReference = contractReference
        self.consentGranularity = consentGranularity
    }

    static let scenarios: Set<String> = ["COS", "CSP", "USP", "SEG", "MCA", "MCS", "ALG"]
    /// Migration change of agent (by the current supplier) and migration change of supplier:
    /// appointing MHHS services to a legacy metering point migrates it.
    public static let migrationScenarios: Set<String> = ["MCA", "MCS"]
}

/// The proposed provider's answer (IF-034): accepted, or rejected with an `SPnnn` code.
public struct AppointmentResponse: Sendable {
    public let mpan: MPAN
    public let appointmentID: String
    public let accepted: Bool
    public let responseCode: String

    public init(mpan: MPAN, appointmentID: String, accepted: Bool, responseCode: String) {
        self.mpan = mpan
        self.appointmentID = appointmentID
        self.accepted = accepted
        self.responseCode = responseCode
    }
}
