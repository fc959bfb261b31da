import MHHSCore
import MHHSMessages

/// What the Registration Service needs besides the register to handle a request: its own and
/// the MDS's DIP ids, the participant directory, the environment tag and the current instant
/// (injected: the processes never read the clock).
public struct RegistrationContext: Sendable {
    public let registrationService: DIPID
    public let marketwideDataService: DIPID
    public let directory: any ParticipantDirectory
    public let environmentTag: String
    public let now: UTCInstant

    public init(
        registrationService: DIPID, marketwideDataService: DIPID, directory: any ParticipantDirectory, environmentTag: String,
        now: UTCInstant
    ) {
        self.registrationService = registrationService
        self.marketwideDataService = marketwideDataService
        self.directory = directory
        self.environmentTag = environmentTag
        self.now = now
    }

    /// The DIP id of a participant in a role, or `REG0009` naming who cannot be addressed.
    func dipID(_ participant: MPID, _ role: DIPRole) throws(RegistrationError) -> DIPID {
        guard let id = directory.dipID(of: participant, role: role) else {
            throw RegistrationError("REG0009", "\(participant) has no DIP participant id in role \(role.rawValue)")
        }
        return id
    }
}
