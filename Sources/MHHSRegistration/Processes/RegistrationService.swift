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
        let context = RegistrationContext(
            registrationService: registrationService, marketwideDataService: marketwideDataService, directory: directory,
            environmentTag: environmentTag, now: clock())
        return try await repository.update(request.mpan) { history in
            try RegistrationProcess.handle(request, from: sender, history: history, context: context)
        }
    }
}
