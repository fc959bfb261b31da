import GRDB
import MHHSCore
import PostgresNIO

/// The audit table, the same in every backend.
enum AuditSchema {
    static let statements = [
        """
        CREATE TABLE audit_event (
            id BIGINT NOT NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
            detail TEXT NOT NULL, PRIMARY KEY (id)
        )
        """
    ]
}

/// Audit events in the embedded database.
public struct SQLiteAuditTrail: AuditTrail {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func record(_ event: AuditEvent) async throws {
        try await database.pool.write { db in
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_event") ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO audit_event (id, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [next, event.at.secondsSinceEpoch, event.actor, event.action, event.target, event.detail])
        }
    }

    public func events(limit: Int) async throws -> [AuditEvent] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT at, actor, action, target, detail FROM audit_event ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map { AuditEvent(at: UTCInstant(secondsSinceEpoch: $0[0]), actor: $0[1], action: $0[2], target: $0[3], detail: $0[4]) }
        }
    }
}

/// Audit events on PostgreSQL; ids from one sequence-like MAX under a table lock, so every
/// instance appends in one order.
public struct PostgresAuditTrail: AuditTrail {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func record(_ event: AuditEvent) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query("LOCK TABLE audit_event IN EXCLUSIVE MODE", logger: logger)
            try await connection.query(
                """
                INSERT INTO audit_event (id, at, actor, action, target, detail)
                SELECT COALESCE(MAX(id), 0) + 1, \(event.at.secondsSinceEpoch), \(event.actor), \(event.action), \(event.target),
                       \(event.detail) FROM audit_event
                """, logger: logger)
        }
    }

    public func events(limit: Int) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        let rows = try await database.client.query(
            "SELECT at, actor, action, target, detail FROM audit_event ORDER BY id DESC LIMIT \(limit)", logger: database.logger)
        for try await (at, actor, action, target, detail) in rows.decode((Int64, String, String, String, String).self) {
            events.append(AuditEvent(at: UTCInstant(secondsSinceEpoch: at), actor: actor, action: action, target: target, detail: detail))
        }
        return events
    }
}
