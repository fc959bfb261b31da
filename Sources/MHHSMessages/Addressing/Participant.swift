import MHHSCore

/// A market participant as the hub knows it: its DIP id, its MPID and the role it acts in.
/// One organisation acting in several roles is several participants.
public struct Participant: Hashable, Sendable, Codable {
    public let dipID: DIPID
    public let mpid: MPID
    public let role: DIPRole

    public init(dipID: DIPID, mpid: MPID, role: DIPRole) {
        self.dipID = dipID
        self.mpid = mpid
        self.role = role
    }
}

/// The participant registry: who is on the DIP under which id.
public protocol ParticipantRepository: Sendable {
    /// Adds or replaces the participant with this DIP id.
    func save(_ participant: Participant) async throws
    func participants() async throws -> [Participant]
}

extension StaticParticipantDirectory {
    /// A directory of the registry's participants.
    public init(_ participants: [Participant]) {
        self.init()
        for participant in participants { add(participant.mpid, role: participant.role, dipID: participant.dipID) }
    }
}
