import MHHSCore
import MHHSMessages
import Synchronization

/// The hub's view of its participants, cached from the store and refreshed every
/// `refreshSeconds` [A] (a participant added with the CLI while the server runs is served
/// within that time; an unknown API key always asks the store).
public final class ParticipantRegistry: Sendable {
    public struct Snapshot: Sendable {
        public let byDIPID: [DIPID: HubParticipant]
        public let byKeyHash: [String: HubParticipant]
        public let byRole: [DIPRole: [DIPID]]
        public let directory: StaticParticipantDirectory

        init(_ participants: [HubParticipant]) {
            var byDIPID: [DIPID: HubParticipant] = [:]
            var byKeyHash: [String: HubParticipant] = [:]
            var byRole: [DIPRole: [DIPID]] = [:]
            for participant in participants {
                byDIPID[participant.participant.dipID] = participant
                if let hash = participant.apiKeyHash { byKeyHash[hash] = participant }
                byRole[participant.participant.role, default: []].append(participant.participant.dipID)
            }
            self.byDIPID = byDIPID
            self.byKeyHash = byKeyHash
            self.byRole = byRole.mapValues { $0.sorted() }
            directory = StaticParticipantDirectory(participants.map(\.participant))
        }
    }

    private let store: any HubStore
    private let refreshSeconds: Int64
    private let state = Mutex<(snapshot: Snapshot, loadedAt: UTCInstant)?>(nil)

    public init(store: any HubStore, refreshSeconds: Int64 = 10) {
        self.store = store
        self.refreshSeconds = refreshSeconds
    }

    /// The participants, reloading when the cache is older than the refresh interval.
    public func snapshot(now: UTCInstant) async throws -> Snapshot {
        if let cached = state.withLock({ $0 }), now.secondsSinceEpoch - cached.loadedAt.secondsSinceEpoch < refreshSeconds {
            return cached.snapshot
        }
        return try await reload(now: now)
    }

    @discardableResult
    public func reload(now: UTCInstant) async throws -> Snapshot {
        let snapshot = Snapshot(try await store.hubParticipants())
        state.withLock { $0 = (snapshot, now) }
        return snapshot
    }

    /// The participant holding this API key, or nil.
    public func authenticate(apiKey: String, now: UTCInstant) async throws -> HubParticipant? {
        let hash = APIKey.hash(apiKey)
        if let known = try await snapshot(now: now).byKeyHash[hash] { return known }
        guard let found = try await store.participant(apiKeyHash: hash) else { return nil }
        try await reload(now: now)
        return found
    }
}
