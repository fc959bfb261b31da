import MHHSCore
import MHHSMessages
import Synchronization

/// The hub's view of its participants for routing, cached from the store and refreshed every
/// `refreshSeconds` [A] (a participant added with the CLI while the server runs receives
/// messages within that time). API keys are not served from the cache.
public final class ParticipantRegistry: Sendable {
    public struct Snapshot: Sendable {
        public let byDIPID: [DIPID: HubParticipant]
        public let byRole: [DIPRole: [DIPID]]
        public let directory: StaticParticipantDirectory

        init(_ participants: [HubParticipant]) {
            var byDIPID: [DIPID: HubParticipant] = [:]
            var byRole: [DIPRole: [DIPID]] = [:]
            for participant in participants {
                byDIPID[participant.participant.dipID] = participant
                byRole[participant.participant.role, default: []].append(participant.participant.dipID)
            }
            self.byDIPID = byDIPID
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

    /// The participant holding this API key, or nil. Always asked of the store (one indexed
    /// read per request), so a replaced key or a newly registered signing key counts at once.
    public func authenticate(apiKey: String, now: UTCInstant) async throws -> HubParticipant? {
        try await store.participant(apiKeyHash: APIKey.hash(apiKey))
    }

    /// Opens a dashboard session for the holder of `apiKey` lasting `seconds`; returns the
    /// session's token (random, 256 bits) and its participant, or nil for an unknown key.
    public func startSession(apiKey: String, seconds: Int64, now: UTCInstant) async throws -> (token: String, participant: HubParticipant)?
    {
        guard let participant = try await authenticate(apiKey: apiKey, now: now) else { return nil }
        let token = APIKey.generate()
        try await store.createSession(
            tokenHash: APIKey.hash(token), participant: participant.participant.dipID, apiKeyHash: APIKey.hash(apiKey),
            expiresAt: UTCInstant(secondsSinceEpoch: now.secondsSinceEpoch + seconds), now: now)
        return (token, participant)
    }

    /// The participant of an open session: unexpired, and its key not replaced since.
    public func participant(sessionToken: String, now: UTCInstant) async throws -> HubParticipant? {
        try await store.sessionParticipant(tokenHash: APIKey.hash(sessionToken), now: now)
    }

    public func endSession(_ sessionToken: String) async throws {
        try await store.deleteSession(tokenHash: APIKey.hash(sessionToken))
    }
}
