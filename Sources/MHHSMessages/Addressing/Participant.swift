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

extension StaticParticipantDirectory {
    /// A directory of the registry's participants.
    public init(_ participants: [Participant]) {
        self.init()
        for participant in participants { add(participant.mpid, role: participant.role, dipID: participant.dipID) }
    }
}
