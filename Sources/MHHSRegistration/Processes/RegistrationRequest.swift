import MHHSCore
import MHHSMessages

/// Who is asking: a market participant in a DIP role (the hub has authenticated it).
public struct RequestSender: Hashable, Sendable {
    public let participant: MPID
    public let role: DIPRole

    public init(participant: MPID, role: DIPRole) {
        self.participant = participant
        self.role = role
    }
}

/// A request to the Registration Service.
public enum RegistrationRequest: Sendable {
    /// A new metering point registered to a supplier (IF-001 InitialRegistration, IF-002).
    case initialRegistration(InitialRegistration)
    /// A gaining supplier takes over a registered metering point (IF-001 ChangeOfSupplier, IF-002).
    case changeOfSupplier(ChangeOfSupplier)

    /// The MPAN the request is about.
    public var mpan: MPAN {
        switch self {
        case .initialRegistration(let request): request.mpan
        case .changeOfSupplier(let request): request.mpan
        }
    }
}

/// A first registration: every registration fact from the start of supply.
public struct InitialRegistration: Sendable {
    public let mpan: MPAN
    public let gspGroup: GSPGroup
    public let effectiveFrom: SettlementDate
    /// The facts to register; `supplier` must be the sender, `cssRegistrationID` is required.
    public let facts: MeteringPointFacts

    public init(mpan: MPAN, gspGroup: GSPGroup, effectiveFrom: SettlementDate, facts: MeteringPointFacts) {
        self.mpan = mpan
        self.gspGroup = gspGroup
        self.effectiveFrom = effectiveFrom
        self.facts = facts
    }
}

/// A change of supplier from a date (possibly in the past: the register keeps both times).
public struct ChangeOfSupplier: Sendable {
    public let mpan: MPAN
    public let newSupplier: MPID
    public let effectiveFrom: SettlementDate
    public let cssRegistrationID: String

    public init(mpan: MPAN, newSupplier: MPID, effectiveFrom: SettlementDate, cssRegistrationID: String) {
        self.mpan = mpan
        self.newSupplier = newSupplier
        self.effectiveFrom = effectiveFrom
        self.cssRegistrationID = cssRegistrationID
    }
}

/// What handling a request decided: assertions to record and messages to send, together.
public struct RegistrationOutcome: Sendable {
    public var assertions: [RegisterAssertion] = []
    public var messages: [OutboundMessage] = []

    public init(assertions: [RegisterAssertion] = [], messages: [OutboundMessage] = []) {
        self.assertions = assertions
        self.messages = messages
    }
}
