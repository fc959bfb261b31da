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
    /// A change to a registration data item from a date by the party that maintains it
    /// (energisation IF-007 → IF-008, LDSO data → IF-018, supplier data IF-025 → IF-026,
    /// segment → IF-044, ECS annual consumption IF-040, disconnection → IF-009, reverse
    /// migration → IF-003).
    case change(DataItemChange)
    /// A supplier asks for a data or metering service to be appointed (IF-031).
    case appointment(AppointmentRequest)
    /// The proposed service provider answers (IF-034).
    case appointmentResponse(AppointmentResponse)
    /// The Registration Service's own scheduler: a pending appointment got no answer in time.
    case appointmentLapse(mpan: MPAN, appointmentID: String)

    /// The role an appointment request is for (nil for other requests).
    public var role: AppointmentRole? {
        if case .appointment(let request) = self { request.role } else { nil }
    }

    /// The MPAN the request is about.
    public var mpan: MPAN {
        switch self {
        case .initialRegistration(let request): request.mpan
        case .changeOfSupplier(let request): request.mpan
        case .change(let request): request.mpan
        case .appointment(let request): request.mpan
        case .appointmentResponse(let response): response.mpan
        case .appointmentLapse(let mpan, _): mpan
        }
    }
}

/// A registration data item changed from a date.
public struct DataItemChange: Sendable {
    public enum Item: Sendable {
        /// From the appointed metering service (IF-007); REGS answers with IF-008.
        case energisation(EnergisationStatus)
        /// From the appointed metering service (IF-005 `[MeterInstall]`, the B906 block); REGS
        /// answers with IF-006.
        case meterTechnicalDetails(JSONValue)
        /// From the LDSO; REGS notifies with IF-018 `[DUOSTariffIDChg]`.
        case duosTariff(String)
        /// From the LDSO; REGS notifies with IF-018 `[DomPremInd]`.
        case domesticPremise(DomesticPremiseIndicator)
        /// From the registered supplier (IF-025); REGS answers with IF-026.
        case legacyProfile(profileClass: Int?, ssc: String?)
        /// From the registered supplier; REGS notifies with IF-044.
        case marketSegment(MarketSegment, ConnectionType)
        /// From ECS (IF-040); recorded, carried later in IF-001/IF-002.
        case annualConsumption(AnnualConsumption)
        /// From the LDSO; the supply ends (supplier and appointments) and REGS sends IF-009.
        case disconnection(additionalInformation: String?)
        /// A change of supplier to one not qualified for MHHS takes the metering point back to a
        /// legacy arrangement; REGS sends IF-003 to that supplier.
        case reverseMigration(SettlementArrangement, cssRegistrationID: String)
    }

    public let mpan: MPAN
    public let effectiveFrom: SettlementDate
    public let item: Item

    public init(mpan: MPAN, effectiveFrom: SettlementDate, item: Item) {
        self.mpan = mpan
        self.effectiveFrom = effectiveFrom
        self.item = item
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
    /// Appointment requests created or moved on (stored by id, replacing the earlier state).
    public var appointments: [PendingAppointment] = []
    /// When the decision was taken: the outbox rows' creation time.
    public var decidedAt: UTCInstant?

    public init(
        assertions: [RegisterAssertion] = [], messages: [OutboundMessage] = [], appointments: [PendingAppointment] = [],
        decidedAt: UTCInstant? = nil
    ) {
        self.assertions = assertions
        self.messages = messages
        self.appointments = appointments
        self.decidedAt = decidedAt
    }
}

/// What a request is decided against: the MPAN's recorded history and its appointment requests.
public struct MeteringPointRecord: Sendable {
    public let history: [RegisterAssertion]
    public let appointments: [PendingAppointment]

    public init(history: [RegisterAssertion], appointments: [PendingAppointment] = []) {
        self.history = history
        self.appointments = appointments
    }
}
