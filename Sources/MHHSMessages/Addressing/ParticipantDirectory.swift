import MHHSCore

/// Resolves a market participant in a role to its DIP participant id, for addressing messages.
public protocol ParticipantDirectory: Sendable {
    func dipID(of participant: MPID, role: DIPRole) -> DIPID?
}

/// A directory held in memory (tests, and the hub's cache of its participant registry).
public struct StaticParticipantDirectory: ParticipantDirectory {
    public struct Key: Hashable, Sendable {
        public let participant: MPID
        public let role: DIPRole

        public init(participant: MPID, role: DIPRole) {
            self.participant = participant
            self.role = role
        }
    }

    public var entries: [Key: DIPID]

    public init(entries: [Key: DIPID] = [:]) { self.entries = entries }

    public mutating func add(_ participant: MPID, role: DIPRole, dipID: DIPID) {
        entries[Key(participant: participant, role: role)] = dipID
    }

    public func dipID(of participant: MPID, role: DIPRole) -> DIPID? { entries[Key(participant: participant, role: role)] }
}
