import MHHSCore
import MHHSMessages
import PostgresNIO

/// The participant registry in PostgreSQL.
public struct PostgresParticipantRepository: ParticipantRepository {
    let database: PostgresStore

    public init(database: PostgresStore) {
        self.database = database
    }

    public func save(_ participant: Participant) async throws {
        // One DIP id per MPID and role, as in SQLite: a new id for the pair replaces the old one.
        try await database.transaction { connection in
            try await connection.query(
                """
                DELETE FROM participant WHERE mpid = \(participant.mpid.value) AND role = \(participant.role.rawValue)
                AND dip_id <> \(participant.dipID.value)
                """, logger: database.logger)
            try await connection.query(
                """
                INSERT INTO participant (dip_id, mpid, role) VALUES (\(participant.dipID.value), \(participant.mpid.value), \(participant.role.rawValue))
                ON CONFLICT (dip_id) DO UPDATE SET mpid = EXCLUDED.mpid, role = EXCLUDED.role
                """, logger: database.logger)
        }
    }

    public func participants() async throws -> [Participant] {
        var participants: [Participant] = []
        for try await (dipID, mpid, role) in try await database.client.query(
            "SELECT dip_id, mpid, role FROM participant ORDER BY dip_id", logger: database.logger
        ).decode((String, String, String).self) {
            participants.append(Participant(dipID: try DIPID(dipID), mpid: try MPID(mpid), role: try DIPRole(code: role)))
        }
        return participants
    }
}
