import MHHSCore

/// A validated, routed message ready to be persisted and queued for its recipients.
public struct IncomingMessage: Hashable, Sendable {
    public let interfaceID: String
    public let eventCode: String
    public let sender: DIPID
    public let senderRole: DIPRole
    public let senderReference: String
    public let correlationID: String?
    public let mpan: MPAN?
    /// The message as it will be published, A0 resolved, without D0 (stamped on delivery).
    public let body: [UInt8]
    /// Every recipient, each once.
    public let recipients: [DIPID]

    public init(
        interfaceID: String, eventCode: String, sender: DIPID, senderRole: DIPRole, senderReference: String,
        correlationID: String?, mpan: MPAN?, body: [UInt8], recipients: [DIPID]
    ) {
        self.interfaceID = interfaceID
        self.eventCode = eventCode
        self.sender = sender
        self.senderRole = senderRole
        self.senderReference = senderReference
        self.correlationID = correlationID
        self.mpan = mpan
        self.body = body
        self.recipients = recipients
    }
}

/// What the store did with one incoming message.
public enum AcceptOutcome: Hashable, Sendable {
    /// Persisted and queued under this transaction id.
    case accepted(transactionID: String)
    /// The sender already used this reference inside the idempotency window; nothing was queued.
    case duplicate(originalTransactionID: String)
}

/// A published message as one recipient receives it.
public struct Delivery: Hashable, Sendable {
    /// The position of the message in the hub, increasing with arrival; ack by it.
    public let sequence: Int64
    public let transactionID: String
    public let interfaceID: String
    public let receivedAt: UTCInstant
    public let correlationID: String?
    public let body: [UInt8]
    public let attempts: Int

    public init(
        sequence: Int64, transactionID: String, interfaceID: String, receivedAt: UTCInstant, correlationID: String?,
        body: [UInt8], attempts: Int
    ) {
        self.sequence = sequence
        self.transactionID = transactionID
        self.interfaceID = interfaceID
        self.receivedAt = receivedAt
        self.correlationID = correlationID
        self.body = body
        self.attempts = attempts
    }
}

/// The state of one message for one recipient.
public struct DeliveryStatus: Hashable, Sendable, Codable {
    public let recipient: String
    public let delivered: Bool
    public let attempts: Int
    public let deliveredAt: UTCInstant?
    public let lastError: String?

    public init(recipient: String, delivered: Bool, attempts: Int, deliveredAt: UTCInstant?, lastError: String?) {
        self.recipient = recipient
        self.delivered = delivered
        self.attempts = attempts
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }
}

extension TransactionStatus {
    /// The status as one participant may see it: other recipients' delivery errors withheld.
    public func visible(to participant: String) -> TransactionStatus {
        TransactionStatus(
            transactionID: transactionID, interfaceID: interfaceID, sender: sender, senderReference: senderReference,
            receivedAt: receivedAt,
            recipients: recipients.map {
                $0.recipient == participant
                    ? $0
                    : DeliveryStatus(
                        recipient: $0.recipient, delivered: $0.delivered, attempts: $0.attempts, deliveredAt: $0.deliveredAt, lastError: nil
                    )
            })
    }
}

/// Everything the hub knows of one transaction.
public struct TransactionStatus: Hashable, Sendable, Codable {
    public let transactionID: String
    public let interfaceID: String
    public let sender: String
    public let senderReference: String
    public let receivedAt: UTCInstant
    public let recipients: [DeliveryStatus]

    public init(
        transactionID: String, interfaceID: String, sender: String, senderReference: String, receivedAt: UTCInstant,
        recipients: [DeliveryStatus]
    ) {
        self.transactionID = transactionID
        self.interfaceID = interfaceID
        self.sender = sender
        self.senderReference = senderReference
        self.receivedAt = receivedAt
        self.recipients = recipients
    }
}

/// The hub's durable state: participants' credentials, the idempotency window, messages and
/// per-recipient queues. One implementation per backend (SQLite, PostgreSQL), both tested by
/// the same conformance suite.
///
/// `accept` is the hub's promise: when it returns, the messages and their queue entries are
/// committed, so a 201 answered after it survives a crash.
public protocol HubStore: Sendable {
    /// Adds or replaces a participant with its credentials.
    func save(_ participant: HubParticipant) async throws
    func hubParticipants() async throws -> [HubParticipant]
    func participant(apiKeyHash: String) async throws -> HubParticipant?
    /// Sets (or clears) a participant's webhook, only if `apiKeyHash` is still its key; returns
    /// whether it did.
    func setWebhook(_ url: String?, for participant: DIPID, apiKeyHash: String) async throws -> Bool

    /// Records a dashboard session: `tokenHash` stands for the participant while its key is
    /// still `apiKeyHash`, until `expiresAt`. Expired sessions are removed on the way.
    func createSession(tokenHash: String, participant: DIPID, apiKeyHash: String, expiresAt: UTCInstant, now: UTCInstant) async throws
    /// The participant of an unexpired session whose key has not been replaced since.
    func sessionParticipant(tokenHash: String, now: UTCInstant) async throws -> HubParticipant?
    func deleteSession(tokenHash: String) async throws

    /// Persists the messages and queues them, in one transaction, in order. A message whose
    /// (sender, reference) is inside the window — or earlier in the same batch — is a duplicate.
    func accept(_ messages: [IncomingMessage], at instant: UTCInstant) async throws -> [AcceptOutcome]

    /// The oldest undelivered messages for a recipient (the same ones again until acked).
    func pending(for recipient: DIPID, limit: Int) async throws -> [Delivery]
    /// Marks messages delivered to a recipient; returns how many were pending.
    @discardableResult
    func acknowledge(_ sequences: [Int64], for recipient: DIPID, at instant: UTCInstant) async throws -> Int
    /// Claims, for each recipient with a webhook, the oldest undelivered messages that are due
    /// (in queue order, up to the first one still waiting to retry) and holds them until
    /// `leaseUntil`: another server instance sharing the store does not push them meanwhile, and
    /// if this one dies before acking, they fall due again when the lease ends.
    func claimDuePushes(at instant: UTCInstant, leaseUntil: UTCInstant, limit: Int) async throws -> [DIPID: [Delivery]]
    /// Records a failed push: the attempt count goes up and the next try waits until `retryAt`.
    func recordFailure(_ sequences: [Int64], for recipient: DIPID, error: String, retryAt: UTCInstant) async throws

    /// Every message a recipient was sent in a time range of arrival, delivered or not.
    func replay(for recipient: DIPID, from: UTCInstant, to: UTCInstant, interfaceID: String?, limit: Int) async throws
        -> [Delivery]
    func status(of transactionID: String) async throws -> TransactionStatus?

    /// Forgets sender references older than the instant (the idempotency window's end);
    /// returns how many went.
    @discardableResult
    func forgetReferences(before instant: UTCInstant) async throws -> Int
}
