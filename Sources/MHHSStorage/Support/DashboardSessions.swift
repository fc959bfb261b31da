import GRDB
import MHHSCore
import MHHSHub
import PostgresNIO

/// Dashboard sessions, the same table in both backends: a browser's cookie holds a random
/// token whose SHA-256 is stored here, never the participant's API key.
enum SessionSchema {
    static let statements = [
        """
        CREATE TABLE dashboard_session (
            token_hash TEXT PRIMARY KEY, dip_id TEXT NOT NULL, api_key_hash TEXT NOT NULL, expires_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX dashboard_session_by_expiry ON dashboard_session (expires_at)",
    ]

    /// The session's participant, only while its key is the one the session was opened with.
    static let participantOfSession = """
        SELECT p.dip_id, p.mpid, p.role, p.api_key_hash, p.webhook_url, p.signing_key
        FROM dashboard_session s JOIN participant p ON p.dip_id = s.dip_id AND p.api_key_hash = s.api_key_hash
        """
}

extension SQLiteHubStore {
    public func createSession(tokenHash: String, participant: DIPID, apiKeyHash: String, expiresAt: UTCInstant, now: UTCInstant)
        async throws
    {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM dashboard_session WHERE expires_at <= ?", arguments: [now.secondsSinceEpoch])
            try db.execute(
                sql: "INSERT INTO dashboard_session (token_hash, dip_id, api_key_hash, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, participant.value, apiKeyHash, expiresAt.secondsSinceEpoch])
        }
    }

    public func sessionParticipant(tokenHash: String, now: UTCInstant) async throws -> HubParticipant? {
        try await database.pool.read { db in
            try Row.fetchOne(
                db, sql: "\(SessionSchema.participantOfSession) WHERE s.token_hash = ? AND s.expires_at > ?",
                arguments: [tokenHash, now.secondsSinceEpoch]
            ).map(Self.participant)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM dashboard_session WHERE token_hash = ?", arguments: [tokenHash])
        }
    }
}

extension PostgresHubStore {
    public func createSession(tokenHash: String, participant: DIPID, apiKeyHash: String, expiresAt: UTCInstant, now: UTCInstant)
        async throws
    {
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query("DELETE FROM dashboard_session WHERE expires_at <= \(now.secondsSinceEpoch)", logger: logger)
            try await connection.query(
                """
                INSERT INTO dashboard_session (token_hash, dip_id, api_key_hash, expires_at)
                VALUES (\(tokenHash), \(participant.value), \(apiKeyHash), \(expiresAt.secondsSinceEpoch))
                """, logger: logger)
        }
    }

    public func sessionParticipant(tokenHash: String, now: UTCInstant) async throws -> HubParticipant? {
        try await participants(
            "\(unescaped: SessionSchema.participantOfSession) WHERE s.token_hash = \(tokenHash) AND s.expires_at > \(now.secondsSinceEpoch)"
        ).first
    }

    public func deleteSession(tokenHash: String) async throws {
        try await database.client.query("DELETE FROM dashboard_session WHERE token_hash = \(tokenHash)", logger: database.logger)
    }
}
