import MHHSCore
import MHHSHub
import MHHSMessages
import Testing

/// One behaviour for every `HubStore` backend.
enum HubStoreConformance {
    static let sender = HubFixture.dataService
    static let t0 = HubFixture.now

    static func message(_ reference: String, to recipients: [Participant] = [HubFixture.mds, HubFixture.lss]) -> IncomingMessage {
        IncomingMessage(
            interfaceID: "IF-021", eventCode: "[ActivePower]", sender: sender.dipID, senderRole: sender.role,
            senderReference: "S-IF-021-1401234567-SDS-20261103-\(reference)", correlationID: reference == "c" ? "CI-1" : nil,
            mpan: HubFixture.mpan, body: Array(#"{"payload":{"CommonBlock":{"S1":{"r":"\#(reference)"}},"CustomBlock":{}}}"#.utf8),
            recipients: recipients.map(\.dipID))
    }

    static func saveParticipants(_ store: some HubStore) async throws {
        for participant in HubFixture.all {
            try await store.save(HubParticipant(participant: participant, apiKeyHash: APIKey.hash("key-\(participant.dipID)")))
        }
    }

    /// Accepts in order, dedupes on (sender, reference) across and within batches, and
    /// publishes each accepted message once per recipient.
    static func acceptsOnceAndQueues(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        let first = try await store.accept([message("a"), message("b"), message("a")], at: t0)
        guard case .accepted(let a) = first[0], case .accepted(let b) = first[1] else {
            Issue.record("not accepted: \(first)")
            return
        }
        #expect(first[2] == .duplicate(originalTransactionID: a))
        #expect(a.hasPrefix("T-IF-021-1401234567-SDS-20261103-") && a.count == 49 && a < b)
        let second = try await store.accept([message("b"), message("c")], at: t0.adding(seconds: 5))
        #expect(second[0] == .duplicate(originalTransactionID: b))
        let pending = try await store.pending(for: HubFixture.mds.dipID, limit: 10)
        #expect(pending.map(\.transactionID).prefix(2) == [a, b])
        #expect(pending.count == 3)
        #expect(pending[2].correlationID == "CI-1" && pending[2].receivedAt == t0.adding(seconds: 5))
        #expect(String(decoding: pending[0].body, as: UTF8.self).contains(#""r":"a""#))
        #expect(try await store.pending(for: HubFixture.supplier.dipID, limit: 10).isEmpty)

        #expect(try await store.acknowledge([pending[0].sequence, pending[0].sequence], for: HubFixture.mds.dipID, at: t0) == 1)
        #expect(try await store.acknowledge([pending[1].sequence], for: HubFixture.supplier.dipID, at: t0) == 0)
        #expect(try await store.pending(for: HubFixture.mds.dipID, limit: 10).map(\.transactionID) == [b, pending[2].transactionID])
        #expect(try await store.pending(for: HubFixture.lss.dipID, limit: 2).count == 2)

        let status = try #require(try await store.status(of: a))
        #expect(status.sender == "1401234567" && status.interfaceID == "IF-021")
        #expect(status.recipients.map(\.recipient) == ["5000000001", "5000000002"])
        #expect(status.recipients.map(\.delivered) == [true, false])
        #expect(try await store.status(of: "T-nothing") == nil)
    }

    /// Two requests racing with one reference: exactly one is accepted.
    static func racesOnOneReference(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        let outcomes = try await withThrowingTaskGroup(of: [AcceptOutcome].self) { group in
            for _ in 0..<4 { group.addTask { try await store.accept([message("race")], at: t0) } }
            return try await group.reduce(into: [AcceptOutcome]()) { $0 += $1 }
        }
        let accepted = outcomes.compactMap { outcome -> String? in
            if case .accepted(let id) = outcome { return id }
            return nil
        }
        #expect(accepted.count == 1)
        #expect(outcomes.filter { $0 == .duplicate(originalTransactionID: accepted[0]) }.count == 3)
        #expect(try await store.pending(for: HubFixture.mds.dipID, limit: 10).count == 1)
    }

    /// Replay returns what a recipient was sent in the time range, delivered or not.
    static func replaysARange(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        _ = try await store.accept([message("a")], at: t0)
        _ = try await store.accept([message("b")], at: t0.adding(seconds: 3_600))
        _ = try await store.accept([message("c", to: [HubFixture.supplier])], at: t0.adding(seconds: 3_600))
        let all = try await store.pending(for: HubFixture.mds.dipID, limit: 10)
        try await store.acknowledge(all.map(\.sequence), for: HubFixture.mds.dipID, at: t0)
        let later = try await store.replay(
            for: HubFixture.mds.dipID, from: t0.adding(seconds: 1), to: t0.adding(seconds: 7_200), interfaceID: nil, limit: 10)
        #expect(later.map(\.transactionID) == [all[1].transactionID])
        #expect(
            try await store.replay(for: HubFixture.mds.dipID, from: t0, to: t0.adding(seconds: 7_200), interfaceID: "IF-013", limit: 10)
                .isEmpty)
        #expect(
            try await store.replay(for: HubFixture.mds.dipID, from: t0, to: t0.adding(seconds: 7_200), interfaceID: "IF-021", limit: 10)
                .count == 2)
    }

    /// Push queues: only recipients with a webhook, in order, nothing past a message waiting
    /// to retry.
    static func pushesInOrderWithRetries(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        try await store.save(
            HubParticipant(participant: HubFixture.mds, apiKeyHash: APIKey.hash("key-mds"), webhookURL: "http://mds.example/in"))
        _ = try await store.accept([message("a"), message("b")], at: t0)
        let due = try await store.claimDuePushes(at: t0, leaseUntil: t0.adding(seconds: 60), limit: 10)
        #expect(Array(due.keys) == [HubFixture.mds.dipID])
        let batch = try #require(due[HubFixture.mds.dipID])
        #expect(batch.count == 2)
        // Claimed: a second instance asking at the same time gets nothing.
        #expect(try await store.claimDuePushes(at: t0, leaseUntil: t0.adding(seconds: 60), limit: 10).isEmpty)
        try await store.recordFailure([batch[0].sequence], for: HubFixture.mds.dipID, error: "HTTP 503", retryAt: t0.adding(seconds: 90))
        #expect(try await store.claimDuePushes(at: t0.adding(seconds: 30), leaseUntil: t0.adding(seconds: 90), limit: 10).isEmpty)
        // The lease of the second message ends first, but it waits behind the first one's retry.
        #expect(try await store.claimDuePushes(at: t0.adding(seconds: 60), leaseUntil: t0.adding(seconds: 120), limit: 10).isEmpty)
        let retry = try #require(
            try await store.claimDuePushes(at: t0.adding(seconds: 90), leaseUntil: t0.adding(seconds: 150), limit: 10)[HubFixture.mds.dipID]
        )
        #expect(retry.map(\.attempts) == [1, 0])
        let status = try #require(try await store.status(of: batch[0].transactionID))
        #expect(status.recipients.first { $0.recipient == "5000000001" }?.lastError == "HTTP 503")
    }

    /// References older than the window are forgotten: the same reference is then new again.
    static func forgetsOldReferences(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        _ = try await store.accept([message("a")], at: t0)
        _ = try await store.accept([message("b")], at: t0.adding(seconds: 100))
        #expect(try await store.forgetReferences(before: t0.adding(seconds: 50)) == 1)
        let again = try await store.accept([message("a"), message("b")], at: t0.adding(seconds: 200))
        guard case .accepted = again[0] else { Issue.record("a should be new again: \(again)"); return }
        guard case .duplicate = again[1] else { Issue.record("b is still inside the window: \(again)"); return }
    }

    /// Participants and their credentials; a key is found by its hash only.
    static func keepsCredentials(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        try await store.save(
            HubParticipant(
                participant: HubFixture.supplier, apiKeyHash: APIKey.hash("new"), webhookURL: "https://sup.example/in", signingKeyPEM: "PEM"
            ))
        #expect(try await store.participant(apiKeyHash: APIKey.hash("key-3000000001")) == nil)
        let found = try #require(try await store.participant(apiKeyHash: APIKey.hash("new")))
        #expect(found.participant == HubFixture.supplier && found.webhookURL == "https://sup.example/in" && found.signingKeyPEM == "PEM")
        #expect(try await store.hubParticipants().count == HubFixture.all.count)
    }

    /// Dashboard sessions: found until they expire, are deleted, or the key is replaced.
    static func keepsSessions(_ store: some HubStore) async throws {
        try await saveParticipants(store)
        let registry = ParticipantRegistry(store: store)
        let now = UTCInstant(secondsSinceEpoch: 1_800_000_000)
        #expect(try await registry.startSession(apiKey: "not-a-key", seconds: 60, now: now)?.token == nil)
        let (token, participant) = try #require(try await registry.startSession(apiKey: "key-3000000001", seconds: 60, now: now))
        #expect(participant.participant == HubFixture.supplier && token.hasPrefix("mhhs_") && token != "key-3000000001")
        #expect(try await registry.participant(sessionToken: token, now: now)?.participant == HubFixture.supplier)
        #expect(try await registry.participant(sessionToken: "mhhs_other", now: now) == nil)
        let later = UTCInstant(secondsSinceEpoch: now.secondsSinceEpoch + 60)
        #expect(try await registry.participant(sessionToken: token, now: later) == nil, "expired at its end")

        let (second, _) = try #require(try await registry.startSession(apiKey: "key-3000000001", seconds: 60, now: now))
        try await registry.endSession(second)
        #expect(try await registry.participant(sessionToken: second, now: now) == nil, "ended by signing out")

        let (third, _) = try #require(try await registry.startSession(apiKey: "key-3000000001", seconds: 60, now: now))
        try await store.save(HubParticipant(participant: HubFixture.supplier, apiKeyHash: APIKey.hash("replaced")))
        #expect(try await registry.participant(sessionToken: third, now: now) == nil, "a replaced key ends its sessions")
    }
}
