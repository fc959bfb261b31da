import GRDB
import MHHSCore
import MHHSMessages

/// The participant registry in SQLite.
public struct SQLiteParticipantRepository: ParticipantRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func save(_ participant: Participant) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO participant (dip_id, mpid, role) VALUES (?, ?, ?)
                    ON CONFLICT (dip_id) DO UPDATE SET mpid = excluded.mpid, role = excluded.role
                    """,
                arguments: [participant.dipID.value, participant.mpid.value, participant.role.rawValue])
        }
    }

    public func participants() async throws -> [Participant] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT dip_id, mpid, role FROM participant ORDER BY dip_id").map {
                Participant(dipID: try DIPID($0[0] as String), mpid: try MPID($0[1] as String), role: try DIPRole(code: $0[2] as String))
            }
        }
    }
}
