import MHHSCore
import MHHSHub
import PostgresNIO

extension PostgresHubStore {
    private typealias DeliveryRow = (Int64, String, String, Int64, String?, String, Int)

    private static func delivery(_ row: DeliveryRow) -> Delivery {
        Delivery(
            sequence: row.0, transactionID: row.1, interfaceID: row.2, receivedAt: UTCInstant(secondsSinceEpoch: row.3),
            correlationID: row.4, body: Array(row.5.utf8), attempts: row.6)
    }

    private func deliveries(_ query: PostgresQuery) async throws -> [Delivery] {
        var found: [Delivery] = []
        for try await row in try await database.client.query(query, logger: database.logger).decode(DeliveryRow.self) {
            found.append(Self.delivery(row))
        }
        return found
    }

    public func pending(for recipient: DIPID, limit: Int) async throws -> [Delivery] {
        try await deliveries(
            """
            SELECT m.seq, m.transaction_id, m.interface_id, m.received_at, m.correlation_id, m.body, d.attempts
            FROM hub_delivery d JOIN hub_message m ON m.seq = d.seq
            WHERE d.recipient = \(recipient.value) AND d.delivered_at IS NULL ORDER BY d.seq LIMIT \(limit)
            """)
    }

    public func acknowledge(_ sequences: [Int64], for recipient: DIPID, at instant: UTCInstant) async throws -> Int {
        var count = 0
        for try await seq in try await database.client.query(
            """
            UPDATE hub_delivery SET delivered_at = \(instant.secondsSinceEpoch)
            WHERE recipient = \(recipient.value) AND seq = ANY(\(sequences)::bigint[]) AND delivered_at IS NULL RETURNING seq
            """, logger: database.logger
        ).decode(Int64.self) {
            _ = seq
            count += 1
        }
        return count
    }

    public func claimDuePushes(at instant: UTCInstant, leaseUntil: UTCInstant, limit: Int) async throws -> [DIPID: [Delivery]] {
        var recipients: [String] = []
        // Few participants have webhooks; each one's queue is read through the pending index.
        for try await recipient in try await database.client.query(
            "SELECT dip_id FROM participant WHERE webhook_url IS NOT NULL ORDER BY dip_id", logger: database.logger
        ).decode(String.self) {
            recipients.append(recipient)
        }
        var due: [DIPID: [Delivery]] = [:]
        for recipient in recipients {
            // In order: nothing after a message that is waiting to retry.
            var ready: [Delivery] = []
            for try await (row, next) in try await database.client.query(
                """
                SELECT m.seq, m.transaction_id, m.interface_id, m.received_at, m.correlation_id, m.body, d.attempts, d.next_attempt_at
                FROM hub_delivery d JOIN hub_message m ON m.seq = d.seq
                WHERE d.recipient = \(recipient) AND d.delivered_at IS NULL ORDER BY d.seq LIMIT \(limit)
                """, logger: database.logger
            ).decode((Int64, String, String, Int64, String?, String, Int, Int64).self).map({
                (($0.0, $0.1, $0.2, $0.3, $0.4, $0.5, $0.6), $0.7)
            }) {
                guard next <= instant.secondsSinceEpoch else { break }
                ready.append(Self.delivery(row))
            }
            guard !ready.isEmpty else { continue }
            // The claim: only rows still due when the update runs are ours (another instance may
            // have claimed them since the read); keep the queue's order by stopping at a gap.
            var claimed = Set<Int64>()
            for try await seq in try await database.client.query(
                """
                UPDATE hub_delivery SET next_attempt_at = \(leaseUntil.secondsSinceEpoch)
                WHERE recipient = \(recipient) AND seq = ANY(\(ready.map(\.sequence))::bigint[]) AND delivered_at IS NULL
                    AND next_attempt_at <= \(instant.secondsSinceEpoch)
                RETURNING seq
                """, logger: database.logger
            ).decode(Int64.self) {
                claimed.insert(seq)
            }
            let ours = ready.prefix { claimed.contains($0.sequence) }
            if !ours.isEmpty { due[try DIPID(recipient)] = Array(ours) }
        }
        return due
    }

    public func recordFailure(_ sequences: [Int64], for recipient: DIPID, error: String, retryAt: UTCInstant) async throws {
        try await database.client.query(
            """
            UPDATE hub_delivery SET attempts = attempts + 1, next_attempt_at = \(retryAt.secondsSinceEpoch),
                last_error = \(String(error.prefix(500)))
            WHERE recipient = \(recipient.value) AND seq = ANY(\(sequences)::bigint[]) AND delivered_at IS NULL
            """, logger: database.logger)
    }

    public func replay(for recipient: DIPID, from: UTCInstant, to: UTCInstant, interfaceID: String?, limit: Int) async throws
        -> [Delivery]
    {
        try await deliveries(
            """
            SELECT m.seq, m.transaction_id, m.interface_id, m.received_at, m.correlation_id, m.body, d.attempts
            FROM hub_message m JOIN hub_delivery d ON d.seq = m.seq AND d.recipient = \(recipient.value)
            WHERE m.received_at >= \(from.secondsSinceEpoch) AND m.received_at <= \(to.secondsSinceEpoch)
                AND (\(interfaceID)::text IS NULL OR m.interface_id = \(interfaceID))
            ORDER BY m.seq LIMIT \(limit)
            """)
    }

    public func status(of transactionID: String) async throws -> TransactionStatus? {
        var message: (Int64, String, String, String, Int64)?
        for try await row in try await database.client.query(
            "SELECT seq, interface_id, sender, sender_reference, received_at FROM hub_message WHERE transaction_id = \(transactionID)",
            logger: database.logger
        ).decode((Int64, String, String, String, Int64).self) {
            message = row
        }
        guard let message else { return nil }
        var recipients: [DeliveryStatus] = []
        for try await (recipient, delivered, attempts, error) in try await database.client.query(
            "SELECT recipient, delivered_at, attempts, last_error FROM hub_delivery WHERE seq = \(message.0) ORDER BY recipient",
            logger: database.logger
        ).decode((String, Int64?, Int, String?).self) {
            recipients.append(
                DeliveryStatus(
                    recipient: recipient, delivered: delivered != nil, attempts: attempts,
                    deliveredAt: delivered.map(UTCInstant.init(secondsSinceEpoch:)), lastError: error))
        }
        return TransactionStatus(
            transactionID: transactionID, interfaceID: message.1, sender: message.2, senderReference: message.3,
            receivedAt: UTCInstant(secondsSinceEpoch: message.4), recipients: recipients)
    }

    public func forgetReferences(before instant: UTCInstant) async throws -> Int {
        var count = 0
        for try await _ in try await database.client.query(
            "DELETE FROM hub_reference WHERE received_at < \(instant.secondsSinceEpoch) RETURNING 1", logger: database.logger
        ).decode(Int.self) {
            count += 1
        }
        return count
    }
}
