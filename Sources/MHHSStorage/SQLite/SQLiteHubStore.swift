import Foundation
import GRDB
import MHHSCore
import MHHSHub
import MHHSMessages

/// The hub's queues in the embedded database, beside the register.
///
/// A batch is one write transaction: the references, the messages and their deliveries commit
/// together or not at all, so an answered 201 is on disk (WAL; `synchronous = NORMAL` survives a
/// crash of the process, not a power cut — docs/HUB.md).
public struct SQLiteHubStore: HubStore {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func save(_ participant: HubParticipant) async throws {
        try await database.pool.write { db in
            // One DIP id per MPID and role, as in PostgreSQL: a new id for the pair replaces the old.
            try db.execute(
                sql: "DELETE FROM participant WHERE mpid = ? AND role = ? AND dip_id <> ?",
                arguments: [participant.participant.mpid.value, participant.participant.role.rawValue, participant.participant.dipID.value])
            try db.execute(
                sql: """
                    INSERT INTO participant (dip_id, mpid, role, api_key_hash, webhook_url, signing_key) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (dip_id) DO UPDATE SET mpid = excluded.mpid, role = excluded.role,
                        api_key_hash = excluded.api_key_hash, webhook_url = excluded.webhook_url, signing_key = excluded.signing_key
                    """,
                arguments: [
                    participant.participant.dipID.value, participant.participant.mpid.value, participant.participant.role.rawValue,
                    participant.apiKeyHash, participant.webhookURL, participant.signingKeyPEM,
                ])
        }
    }

    public func hubParticipants() async throws -> [HubParticipant] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.participantColumns) FROM participant ORDER BY dip_id").map(Self.participant)
        }
    }

    public func participant(apiKeyHash: String) async throws -> HubParticipant? {
        try await database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.participantColumns) FROM participant WHERE api_key_hash = ?", arguments: [apiKeyHash])
                .map(Self.participant)
        }
    }

    public func setWebhook(_ url: String?, for participant: DIPID, apiKeyHash: String) async throws -> Bool {
        try await database.pool.write { db in
            try db.execute(
                sql: "UPDATE participant SET webhook_url = ? WHERE dip_id = ? AND api_key_hash = ?",
                arguments: [url, participant.value, apiKeyHash])
            return db.changesCount == 1
        }
    }

    static let participantColumns = "dip_id, mpid, role, api_key_hash, webhook_url, signing_key"

    static func participant(_ row: Row) throws -> HubParticipant {
        HubParticipant(
            participant: Participant(
                dipID: try DIPID(row[0] as String), mpid: try MPID(row[1] as String), role: try DIPRole(code: row[2] as String)),
            apiKeyHash: row[3], webhookURL: row[4], signingKeyPEM: row[5])
    }

    public func accept(_ messages: [IncomingMessage], at instant: UTCInstant) async throws -> [AcceptOutcome] {
        try await database.pool.write { db in
            var next = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM hub_message") ?? 0) + 1
            let findReference = try db.cachedStatement(
                sql:
                    "SELECT m.transaction_id FROM hub_reference r JOIN hub_message m ON m.seq = r.seq WHERE r.sender = ? AND r.sender_reference = ?"
            )
            // Raw binding: GRDB's boxed arguments cost more than the inserts themselves here.
            let insertReference = SQLiteBinder(
                statement: try db.cachedStatement(
                    sql: "INSERT INTO hub_reference (sender, sender_reference, seq, received_at) VALUES (?, ?, ?, ?)"
                ).sqliteStatement)
            let insertMessage = SQLiteBinder(
                statement: try db.cachedStatement(
                    sql: """
                        INSERT INTO hub_message (seq, transaction_id, interface_id, event_code, sender, sender_reference, correlation_id,
                            mpan, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).sqliteStatement)
            let insertDelivery = SQLiteBinder(
                statement: try db.cachedStatement(sql: "INSERT INTO hub_delivery (recipient, seq, next_attempt_at) VALUES (?, ?, ?)")
                    .sqliteStatement)
            let at = instant.secondsSinceEpoch
            var outcomes: [AcceptOutcome] = []
            outcomes.reserveCapacity(messages.count)
            for message in messages {
                if let original = try String.fetchOne(findReference, arguments: [message.sender.value, message.senderReference]) {
                    outcomes.append(.duplicate(originalTransactionID: original))
                    continue
                }
                let sequence = next
                next += 1
                let transactionID = TransactionID.make(
                    interface: message.interfaceID, sender: message.sender, role: message.senderRole, receivedAt: instant,
                    sequence: sequence)
                insertReference.bind(1, message.sender.value)
                insertReference.bind(2, message.senderReference)
                insertReference.bind(3, sequence)
                insertReference.bind(4, at)
                try insertReference.execute(db)
                insertMessage.bind(1, sequence)
                insertMessage.bind(2, transactionID)
                insertMessage.bind(3, message.interfaceID)
                insertMessage.bind(4, message.eventCode)
                insertMessage.bind(5, message.sender.value)
                insertMessage.bind(6, message.senderReference)
                insertMessage.bind(7, message.correlationID)
                insertMessage.bind(8, message.mpan?.value)
                insertMessage.bind(9, at)
                insertMessage.bind(10, bytes: message.body)
                try insertMessage.execute(db)
                for recipient in message.recipients {
                    insertDelivery.bind(1, recipient.value)
                    insertDelivery.bind(2, sequence)
                    insertDelivery.bind(3, at)
                    try insertDelivery.execute(db)
                }
                outcomes.append(.accepted(transactionID: transactionID))
            }
            return outcomes
        }
    }

    static let deliveryColumns = "m.seq, m.transaction_id, m.interface_id, m.received_at, m.correlation_id, m.body, d.attempts"

    static func delivery(_ row: Row) -> Delivery {
        Delivery(
            sequence: row[0], transactionID: row[1], interfaceID: row[2], receivedAt: UTCInstant(secondsSinceEpoch: row[3]),
            correlationID: row[4], body: [UInt8](row[5] as Data), attempts: row[6])
    }

    public func pending(for recipient: DIPID, limit: Int) async throws -> [Delivery] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.deliveryColumns) FROM hub_delivery d JOIN hub_message m ON m.seq = d.seq
                    WHERE d.recipient = ? AND d.delivered_at IS NULL ORDER BY d.seq LIMIT ?
                    """, arguments: [recipient.value, limit]
            ).map(Self.delivery)
        }
    }

    public func acknowledge(_ sequences: [Int64], for recipient: DIPID, at instant: UTCInstant) async throws -> Int {
        try await database.pool.write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE hub_delivery SET delivered_at = ? WHERE recipient = ? AND seq = ? AND delivered_at IS NULL")
            var count = 0
            for sequence in sequences {
                try statement.execute(arguments: [instant.secondsSinceEpoch, recipient.value, sequence])
                count += db.changesCount
            }
            return count
        }
    }

    public func claimDuePushes(at instant: UTCInstant, leaseUntil: UTCInstant, limit: Int) async throws -> [DIPID: [Delivery]] {
        try await database.pool.write { db in
            // Few participants have webhooks; each one's queue is read through the pending index.
            let recipients = try String.fetchAll(db, sql: "SELECT dip_id FROM participant WHERE webhook_url IS NOT NULL ORDER BY dip_id")
            let claim = try db.cachedStatement(sql: "UPDATE hub_delivery SET next_attempt_at = ? WHERE recipient = ? AND seq = ?")
            var due: [DIPID: [Delivery]] = [:]
            for recipient in recipients {
                // A recipient's queue goes in order: nothing after a message that is waiting to retry.
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.deliveryColumns), d.next_attempt_at FROM hub_delivery d JOIN hub_message m ON m.seq = d.seq
                        WHERE d.recipient = ? AND d.delivered_at IS NULL ORDER BY d.seq LIMIT ?
                        """, arguments: [recipient, limit])
                let ready = rows.prefix { ($0[7] as Int64) <= instant.secondsSinceEpoch }.map(Self.delivery)
                for delivery in ready {
                    try claim.execute(arguments: [leaseUntil.secondsSinceEpoch, recipient, delivery.sequence])
                }
                if !ready.isEmpty { due[try DIPID(recipient)] = Array(ready) }
            }
            return due
        }
    }

    public func recordFailure(_ sequences: [Int64], for recipient: DIPID, error: String, retryAt: UTCInstant) async throws {
        try await database.pool.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE hub_delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                    WHERE recipient = ? AND seq = ? AND delivered_at IS NULL
                    """)
            for sequence in sequences {
                try statement.execute(arguments: [retryAt.secondsSinceEpoch, String(error.prefix(500)), recipient.value, sequence])
            }
        }
    }

    public func replay(for recipient: DIPID, from: UTCInstant, to: UTCInstant, interfaceID: String?, limit: Int) async throws
        -> [Delivery]
    {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.deliveryColumns) FROM hub_message m JOIN hub_delivery d ON d.seq = m.seq AND d.recipient = ?
                    WHERE m.received_at >= ? AND m.received_at <= ? AND (? IS NULL OR m.interface_id = ?)
                    ORDER BY m.seq LIMIT ?
                    """,
                arguments: [recipient.value, from.secondsSinceEpoch, to.secondsSinceEpoch, interfaceID, interfaceID, limit]
            ).map(Self.delivery)
        }
    }

    public func status(of transactionID: String) async throws -> TransactionStatus? {
        try await database.pool.read { db in
            guard
                let message = try Row.fetchOne(
                    db, sql: "SELECT seq, interface_id, sender, sender_reference, received_at FROM hub_message WHERE transaction_id = ?",
                    arguments: [transactionID])
            else { return nil }
            let recipients = try Row.fetchAll(
                db, sql: "SELECT recipient, delivered_at, attempts, last_error FROM hub_delivery WHERE seq = ? ORDER BY recipient",
                arguments: [message[0] as Int64]
            ).map { row in
                DeliveryStatus(
                    recipient: row[0], delivered: row[1] != nil, attempts: row[2],
                    deliveredAt: (row[1] as Int64?).map(UTCInstant.init(secondsSinceEpoch:)), lastError: row[3])
            }
            return TransactionStatus(
                transactionID: transactionID, interfaceID: message[1], sender: message[2], senderReference: message[3],
                receivedAt: UTCInstant(secondsSinceEpoch: message[4]), recipients: recipients)
        }
    }

    public func forgetReferences(before instant: UTCInstant) async throws -> Int {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM hub_reference WHERE received_at < ?", arguments: [instant.secondsSinceEpoch])
            return db.changesCount
        }
    }
}
