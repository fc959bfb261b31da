import Foundation
import MHHSCore
import MHHSHub
import MHHSMessages
import PostgresNIO

/// The hub's queues in PostgreSQL, shared by every server instance on the database.
///
/// A batch is one transaction holding an advisory lock per sender, so two instances cannot
/// both accept the same (sender, reference); rows go in with `unnest` arrays, one statement per
/// table per batch.
public struct PostgresHubStore: HubStore {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    private var logger: Logger { database.logger }

    public func save(_ participant: HubParticipant) async throws {
        let p = participant.participant
        try await database.transaction { connection in
            try await connection.query(
                "DELETE FROM participant WHERE mpid = \(p.mpid.value) AND role = \(p.role.rawValue) AND dip_id <> \(p.dipID.value)",
                logger: logger)
            try await connection.query(
                """
                INSERT INTO participant (dip_id, mpid, role, api_key_hash, webhook_url, signing_key)
                VALUES (\(p.dipID.value), \(p.mpid.value), \(p.role.rawValue), \(participant.apiKeyHash), \(participant.webhookURL),
                    \(participant.signingKeyPEM))
                ON CONFLICT (dip_id) DO UPDATE SET mpid = EXCLUDED.mpid, role = EXCLUDED.role, api_key_hash = EXCLUDED.api_key_hash,
                    webhook_url = EXCLUDED.webhook_url, signing_key = EXCLUDED.signing_key
                """, logger: logger)
        }
    }

    public func hubParticipants() async throws -> [HubParticipant] {
        try await participants(
            "SELECT dip_id, mpid, role, api_key_hash, webhook_url, signing_key FROM participant ORDER BY dip_id")
    }

    public func participant(apiKeyHash: String) async throws -> HubParticipant? {
        try await participants(
            "SELECT dip_id, mpid, role, api_key_hash, webhook_url, signing_key FROM participant WHERE api_key_hash = \(apiKeyHash)"
        ).first
    }

    public func setWebhook(_ url: String?, for participant: DIPID, apiKeyHash: String) async throws -> Bool {
        var changed = 0
        for try await _ in try await database.client.query(
            "UPDATE participant SET webhook_url = \(url) WHERE dip_id = \(participant.value) AND api_key_hash = \(apiKeyHash) RETURNING 1",
            logger: logger
        ).decode(Int.self) {
            changed += 1
        }
        return changed == 1
    }

    func participants(_ query: PostgresQuery) async throws -> [HubParticipant] {
        var found: [HubParticipant] = []
        for try await (dipID, mpid, role, hash, webhook, key) in try await database.client.query(query, logger: logger)
            .decode((String, String, String, String?, String?, String?).self)
        {
            found.append(
                HubParticipant(
                    participant: Participant(dipID: try DIPID(dipID), mpid: try MPID(mpid), role: try DIPRole(code: role)),
                    apiKeyHash: hash, webhookURL: webhook, signingKeyPEM: key))
        }
        return found
    }

    public func accept(_ messages: [IncomingMessage], at instant: UTCInstant) async throws -> [AcceptOutcome] {
        let logger = logger
        return try await database.transaction { connection in
            for sender in Set(messages.map(\.sender.value)).sorted() {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(sender)))", logger: logger)
            }
            // Known references among the batch's.
            var known: [String: String] = [:]
            let senders = messages.map(\.sender.value)
            let references = messages.map(\.senderReference)
            for try await (sender, reference, transaction) in try await connection.query(
                """
                SELECT r.sender, r.sender_reference, m.transaction_id
                FROM unnest(\(senders)::text[], \(references)::text[]) AS b(sender, sender_reference)
                JOIN hub_reference r ON r.sender = b.sender AND r.sender_reference = b.sender_reference
                JOIN hub_message m ON m.seq = r.seq
                """, logger: logger
            ).decode((String, String, String).self) {
                known[sender + "\u{1}" + reference] = transaction
            }
            var fresh: [(IncomingMessage, Int)] = []
            var inBatch = Set<String>()
            var outcomes: [AcceptOutcome?] = Array(repeating: nil, count: messages.count)
            for (index, message) in messages.enumerated() {
                let key = message.sender.value + "\u{1}" + message.senderReference
                if let original = known[key] {
                    outcomes[index] = .duplicate(originalTransactionID: original)
                } else if inBatch.insert(key).inserted {
                    fresh.append((message, index))
                }  // else: a second use in this batch, a duplicate of the first (filled below)
            }
            guard !fresh.isEmpty else { return outcomes.map { $0! } }
            var sequences: [Int64] = []
            for try await value in try await connection.query(
                "SELECT nextval('hub_message_seq') FROM generate_series(1, \(fresh.count))", logger: logger
            ).decode(Int64.self) {
                sequences.append(value)
            }
            var columns = MessageColumns()
            var deliveryRecipients: [String] = []
            var deliverySequences: [Int64] = []
            for ((message, index), sequence) in zip(fresh, sequences) {
                let transactionID = TransactionID.make(
                    interface: message.interfaceID, sender: message.sender, role: message.senderRole, receivedAt: instant,
                    sequence: sequence)
                columns.append(message, sequence: sequence, transactionID: transactionID)
                known[message.sender.value + "\u{1}" + message.senderReference] = transactionID
                outcomes[index] = .accepted(transactionID: transactionID)
                for recipient in message.recipients {
                    deliveryRecipients.append(recipient.value)
                    deliverySequences.append(sequence)
                }
            }
            for (index, message) in messages.enumerated() where outcomes[index] == nil {
                outcomes[index] = .duplicate(originalTransactionID: known[message.sender.value + "\u{1}" + message.senderReference] ?? "")
            }
            let at = instant.secondsSinceEpoch
            try await connection.query(
                """
                INSERT INTO hub_message (seq, transaction_id, interface_id, event_code, sender, sender_reference, correlation_id, mpan,
                    received_at, body)
                SELECT s, t, i, e, se, r, NULLIF(c, ''), NULLIF(m, -1), \(at), b FROM unnest(\(columns.sequences)::bigint[], \(columns.transactions)::text[],
                    \(columns.interfaces)::text[], \(columns.events)::text[], \(columns.senders)::text[], \(columns.references)::text[],
                    \(columns.correlations)::text[], \(columns.mpans)::bigint[], \(columns.bodies)::text[])
                    AS u(s, t, i, e, se, r, c, m, b)
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO hub_reference (sender, sender_reference, seq, received_at)
                SELECT se, r, s, \(at) FROM unnest(\(columns.senders)::text[], \(columns.references)::text[], \(columns.sequences)::bigint[])
                    AS u(se, r, s)
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO hub_delivery (recipient, seq, next_attempt_at)
                SELECT r, s, \(at) FROM unnest(\(deliveryRecipients)::text[], \(deliverySequences)::bigint[]) AS u(r, s)
                """, logger: logger)
            return outcomes.map { $0! }
        }
    }

    /// The message columns of a batch, as arrays for `unnest`.
    struct MessageColumns {
        var sequences: [Int64] = []
        var transactions: [String] = []
        var interfaces: [String] = []
        var events: [String] = []
        var senders: [String] = []
        var references: [String] = []
        /// Arrays of optionals do not bind: '' and -1 stand for null (NULLIF in the insert).
        var correlations: [String] = []
        var mpans: [Int64] = []
        var bodies: [String] = []

        mutating func append(_ message: IncomingMessage, sequence: Int64, transactionID: String) {
            sequences.append(sequence)
            transactions.append(transactionID)
            interfaces.append(message.interfaceID)
            events.append(message.eventCode)
            senders.append(message.sender.value)
            references.append(message.senderReference)
            correlations.append(message.correlationID ?? "")
            mpans.append(message.mpan?.value ?? -1)
            bodies.append(String(decoding: message.body, as: UTF8.self))
        }
    }
}
