import Logging
import MHHSCore
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
    public let clock: @Sendable () -> UTCInstant
    public let logger: Logger

    public init(
        store: any HubStore, participants: ParticipantRegistry, transport: any WebhookTransport, retry: RetryPolicy = RetryPolicy(),
        batchSize: Int = 100, idleSeconds: Double = 0.2, clock: @escaping @Sendable () -> UTCInstant, logger: Logger
    ) {
        self.store = store
        self.participants = participants
        self.transport = transport
        self.retry = retry
        self.batchSize = batchSize
        self.idleSeconds = idleSeconds
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let pushed = (try? await pushDue()) ?? 0
            if pushed == 0 { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(idleSeconds)) } }
        }
    }

    /// One round: every recipient's due messages, one batch each, concurrently. Returns how many
    /// messages were delivered.
    @discardableResult
    public func pushDue() async throws -> Int {
        let now = clock()
        let due = try await store.duePushes(at: now, limit: batchSize)
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
        let sequences = deliveries.map(\.sequence)
        do {
            try await transport.post(try EgressMessage.array(deliveries), to: url, recipient: recipient)
            try await store.acknowledge(sequences, for: recipient, at: clock())
            return deliveries.count
        } catch {
            let attempt = (deliveries.map(\.attempts).max() ?? 0) + 1
            let retryAt = clock().adding(seconds: retry.delay(afterAttempt: attempt))
            logger.warning(
                "webhook delivery failed",
                metadata: ["recipient": "\(recipient)", "messages": "\(deliveries.count)", "attempt": "\(attempt)", "error": "\(error)"])
            try await store.recordFailure(sequences, for: recipient, error: "\(error)", retryAt: retryAt)
            return 0
        }
    }
}
