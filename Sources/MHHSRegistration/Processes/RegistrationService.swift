import MHHSCore
import MHHSMessages

/// The Registration Service: runs a request through ``RegistrationProcess`` against the MPAN's
/// history and records the outcome (assertions and outbox messages) in one transaction.
public struct RegistrationService: Sendable {
    let repository: any RegisterRepository
    let registrationService: DIPID
    let marketwideDataService: DIPID
    let directory: any ParticipantDirectory
    let environmentTag: String
    let clock: @Sendable () -> UTCInstant

    public init(
        repository: any RegisterRepository, registrationService: DIPID, marketwideDataService: DIPID,
        directory: any ParticipantDirectory, environmentTag: String, clock: @escaping @Sendable () -> UTCInstant
    ) {
        self.repository = repository
        self.registrationService = registrationService
        self.marketwideDataService = marketwideDataService
        self.directory = directory
        self.environmentTag = environmentTag
        self.clock = clock
    }

    /// Handles one request; a rejection throws its ``RegistrationError`` and records nothing.
    @discardableResult
    public func handle(_ request: RegistrationRequest, from sender: RequestSender) async throws -> RegistrationOutcome {
        let context = makeContext(now: clock())
        return try await repository.update(request.mpan) { record in
            Self.signed(
                try RegistrationProcess.handle(
                    request, from: sender, history: record.history, appointments: record.appointments, context: context), by: sender)
        }
    }

    /// The outcome with its sender in every assertion's source: the register's own audit of who
    /// changed it (when is the assertion's recording time; what, its facts).
    static func signed(_ outcome: RegistrationOutcome, by sender: RequestSender) -> RegistrationOutcome {
        var outcome = outcome
        outcome.assertions = outcome.assertions.map { assertion in
            RegisterAssertion(
                mpan: assertion.mpan, gspGroup: assertion.gspGroup, effectiveFrom: assertion.effectiveFrom,
                recordedAt: assertion.recordedAt,
                mask: assertion.mask, facts: assertion.facts,
                source: "\(assertion.source), from \(sender.participant.value) (\(sender.role.rawValue))",
                sequence: assertion.sequence)
        }
        return outcome
    }

    /// Handles many requests in order, each deciding on what the earlier ones recorded, at one
    /// instant; a rejected one records nothing and returns its error in its place. On the
    /// embedded store they share one transaction (far cheaper than one each).
    public func handleEach(_ requests: [(RegistrationRequest, RequestSender)]) async throws -> [Result<
        RegistrationOutcome, RegistrationError
    >] {
        let context = makeContext(now: clock())
        let results = try await repository.updateEach(requests.map(\.0.mpan)) { index, record in
            Self.signed(
                try RegistrationProcess.handle(
                    requests[index].0, from: requests[index].1, history: record.history, appointments: record.appointments,
                    context: context), by: requests[index].1)
        }
        return results.map { result in
            result.mapError { ($0 as? RegistrationError) ?? RegistrationError("REG0001", "\($0)") }
        }
    }

    /// Lapses every appointment request that has waited longer than `timeout` for its
    /// provider's answer (IF-035 Lapsed to the supplier). Returns how many lapsed.
    /// [A] The timeout is configuration; the programme's value is not public.
    @discardableResult
    public func lapseAppointments(olderThan timeout: Int64) async throws -> Int {
        let now = clock()
        let due = try await repository.pendingAppointments(requestedBefore: now.adding(seconds: -timeout))
        let sender = RequestSender(participant: try MPID("REGS"), role: .registrationService)
        for appointment in due {
            try await handle(.appointmentLapse(mpan: appointment.mpan, appointmentID: appointment.id), from: sender)
        }
        return due.count
    }

    /// The context of one decision, taken at `now`.
    func makeContext(now: UTCInstant) -> RegistrationContext {
        RegistrationContext(
            registrationService: registrationService, marketwideDataService: marketwideDataService, directory: directory,
            environmentTag: environmentTag, now: now)
    }
}
