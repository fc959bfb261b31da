import Logging
import MHHSCore
import Metrics
import ServiceLifecycle

/// Pushes queued messages to participants with a webhook, oldest first, in batches, retrying
/// with backoff. Delivery is at least once: a batch is marked delivered only after the
/// recipient answered, so a crash between the two sends it again (recipients dedupe on the
/// transaction id).
public struct WebhookDeliveryService: Service {
    public let store: any HubStore
    public let participants: ParticipantRegistry
    public let transport: any WebhookTransport
    public let retry: RetryPolicy
    public let batchSize: Int
    public let idleSeconds: Double
    /// How long a claimed batch is held for this instance's push [A]: longer than the HTTP timeout.
    public let leaseSeconds: Int64
    public let clock: @Sendable () -> UTCInstant
    public let logger: Logger

    public init(
        store: any HubStore, participants: ParticipantRegistry, transport: any WebhookTransport, retry: RetryPolicy = RetryPolicy(),
        batchSize: Int = 100, idleSeconds: Double = 0.2, leaseSeconds: Int64 = 60, clock: @escaping @Sendable () -> UTCInstant,
        logger: Logger
    ) {
        self.store = store
        self.participants = participants
        self.transport = transport
        self.retry = retry
        self.batchSize = batchSize
        self.idleSeconds = idleSeconds
        self.leaseSeconds = leaseSeconds
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var pushed = 0
            do {
                pushed = try await pushDue()
            } catch {
                logger.error("webhook round failed", metadata: ["error": "\(error)"])
            }
            if pushed == 0 { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(idleSeconds)) } }
        }
    }

    /// One round: every recipient's due messages, one batch each, concurrently. Returns how many
    /// messages were delivered.
    @discardableResult
    public func pushDue() async throws -> Int {
        let now = clock()
        let due = try await store.claimDuePushes(at: now, leaseUntil: now.adding(seconds: leaseSeconds), limit: batchSize)
        guard !due.isEmpty else { return 0 }
        let snapshot = try await participants.snapshot(now: now)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for (recipient, deliveries) in due {
                guard let url = snapshot.byDIPID[recipient]?.webhookURL else { continue }
                group.addTask { try await push(deliveries, to: url, recipient: recipient) }
            }
            return try await group.reduce(0, +)
        }
    }

    private func push(_ deliveries: [Delivery], to url: String, recipient: DIPID) async throws -> Int {
        var taken = deliveries
        var failed: [Delivery] = []
        var failure = ""
        do {
            if case .only(let ids) = try await transport.post(try EgressMessage.array(deliveries), to: url, recipient: recipient) {
                taken = deliveries.filter { ids.contains($0.transactionID) }
                failed = deliveries.filter { !ids.contains($0.transactionID) }
                failure = "webhook answered 207 without taking the message"
            }
        } catch {
            taken = []
            failed = deliveries
            failure = "\(error)"
        }
        if !taken.isEmpty {
            try await store.acknowledge(taken.map(\.sequence), for: recipient, at: clock())
            Counter(label: "mhhs_hub_messages_delivered_total", dimensions: [("via", "webhook")]).increment(by: taken.count)
        }
        if !failed.isEmpty {
            let attempt = (failed.map(\.attempts).max() ?? 0) + 1
            let retryAt = clock().adding(seconds: retry.delay(afterAttempt: attempt))
            logger.warning(
                "webhook delivery failed",
                metadata: ["recipient": "\(recipient)", "messages": "\(failed.count)", "attempt": "\(attempt)", "error": "\(failure)"])
            try await store.recordFailure(failed.map(\.sequence), for: recipient, error: failure, retryAt: retryAt)
        }
        return taken.count
    }
}
