import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSServer
import MHHSStorage
import Synchronization
import Testing

/// Push delivery: batches in order, marked delivered only when the recipient took them,
/// retried with exponential backoff when it did not.
@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    /// Fails the first `failures` posts, then records what it receives.
    final class FlakyEndpoint: WebhookTransport, Sendable {
        let failures: Int
        let state = Mutex<(calls: Int, received: [[JSONValue]])>((0, []))

        init(failures: Int) { self.failures = failures }

        func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws -> WebhookReceipt {
            let shouldFail = state.withLock { state -> Bool in
                state.calls += 1
                return state.calls <= failures
            }
            if shouldFail { throw WebhookRejected(status: 503) }
            guard case .array(let messages) = try JSONParser.parse(body) else { return .all }
            state.withLock { $0.received.append(messages) }
            return .all
        }
    }

    final class ManualClock: Sendable {
        let instant = Mutex(HubFixture.now)
        func now() -> UTCInstant { instant.withLock { $0 } }
        func advance(_ seconds: Int64) { instant.withLock { $0 = $0.adding(seconds: seconds) } }
    }

    @Test("retries with backoff, then delivers in order, once")
    func retries() async throws {
        let endpoint = FlakyEndpoint(failures: 2)
        let clock = ManualClock()
        let fixture = try await HubFixture(
            webhooks: endpoint, webhookURLs: [HubFixture.mds.dipID: "http://mds.example/receive"], clock: { clock.now() })
        let caller = try #require(try await fixture.store.participant(apiKeyHash: APIKey.hash(fixture.key(HubFixture.dataService))))
        for sequence in 1...3 {
            let reply = try await fixture.server.context.ingress.submit(
                channel: "IF-021",
                body: HubFixture.body(try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-\(sequence)")),
                from: caller, now: clock.now())
            #expect(reply.status == 201)
        }
        let delivery = try #require(fixture.server.services.first as? WebhookDeliveryService)

        #expect(try await delivery.pushDue() == 0)  // fails: retry in 10 s
        #expect(try await delivery.pushDue() == 0)  // not due yet: nothing posted
        #expect(endpoint.state.withLock { $0.calls } == 1)
        clock.advance(10)
        #expect(try await delivery.pushDue() == 0)  // fails again: retry in 20 s
        clock.advance(19)
        #expect(try await delivery.pushDue() == 0)
        #expect(endpoint.state.withLock { $0.calls } == 2)
        clock.advance(1)
        #expect(try await delivery.pushDue() == 3)
        #expect(try await delivery.pushDue() == 0)

        let received = endpoint.state.withLock { $0.received }
        #expect(received.count == 1)
        let references = received.flatMap { $0 }.compactMap { $0["payload"]?["CommonBlock"]?["S1"]?["senderUniqueReference"]?.stringValue }
        #expect(references == (1...3).map { "S-IF-021-1401234567-SDS-20261103-\($0)" })
        #expect(try await fixture.store.pending(for: HubFixture.mds.dipID, limit: 10).isEmpty)
        // Pull-only recipients still hold theirs.
        #expect(try await fixture.store.pending(for: HubFixture.lss.dipID, limit: 10).count == 3)
    }

    /// Takes only the first message of every batch, as a 207 that names it.
    struct Picky: WebhookTransport {
        func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws -> WebhookReceipt {
            guard case .array(let messages) = try JSONParser.parse(body),
                let first = messages.first?["payload"]?["CommonBlock"]?["D0"]?["transactionID"]?.stringValue
            else { return .only(transactionIDs: []) }
            let answer =
                #"{"messageArray":[{"transactionID":"\#(first)","message":"MSG0000 - Success"},{"transactionID":"x","message":"MSG1001 - Schema Failure"}],"timestamp":"2026-11-03T02:00:00+00:00"}"#
            return WebhookReceipt.partial(Array(answer.utf8))
        }
    }

    @Test("a 207 from the webhook: the messages it took are delivered, the others retried in order")
    func partial() async throws {
        let clock = ManualClock()
        let fixture = try await HubFixture(
            webhooks: Picky(), webhookURLs: [HubFixture.mds.dipID: "http://mds.example/receive"], clock: { clock.now() })
        let caller = try #require(try await fixture.store.participant(apiKeyHash: APIKey.hash(fixture.key(HubFixture.dataService))))
        for sequence in 1...3 {
            _ = try await fixture.server.context.ingress.submit(
                channel: "IF-021",
                body: HubFixture.body(try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-\(sequence)")),
                from: caller, now: clock.now())
        }
        let delivery = try #require(fixture.server.services.first as? WebhookDeliveryService)
        #expect(try await delivery.pushDue() == 1)
        #expect(try await fixture.store.pending(for: HubFixture.mds.dipID, limit: 10).count == 2)
        clock.advance(10)
        #expect(try await delivery.pushDue() == 1)
        clock.advance(20)
        #expect(try await delivery.pushDue() == 1)
        #expect(try await fixture.store.pending(for: HubFixture.mds.dipID, limit: 10).isEmpty)
        #expect(WebhookReceipt.partial(Array("not json".utf8)) == .only(transactionIDs: []))
    }

    @Test("the backoff doubles from the initial wait up to the cap")
    func backoff() {
        let policy = RetryPolicy(initialSeconds: 1, maximumSeconds: 3_600)
        #expect((1...14).map(policy.delay(afterAttempt:)) == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600])
        #expect(policy.delay(afterAttempt: 10_000) == 3_600)
    }
}
