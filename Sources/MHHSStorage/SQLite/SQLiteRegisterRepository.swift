import GRDB
import GRDBSQLite
import MHHSCore
import MHHSMessages
import MHHSRegistration

/// The register in the embedded SQLite database: `register_assertion` clustered by
/// (GSP group, MPAN, effective date, recording time, sequence), so a group snapshot is one
/// ordered range scan and an MPAN's history one short range.
public struct SQLiteRegisterRepository: RegisterRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    @discardableResult
    public func record(_ assertions: [RegisterAssertion]) async throws -> [Int64] {
        let (count, last) = try await database.pool.write { db in
            try Self.store(db) { store in
                for assertion in assertions { try store(assertion) }
            }
        }
        // Sequences are consecutive within one transaction.
        return count == 0 ? [] : Array((last - Int64(count) + 1)...last)
    }

    public func recordAll(
        _ produce: @escaping @Sendable (_ store: (RegisterAssertion) throws -> Void) throws -> Void
    ) async throws -> Int {
        // GRDB runs the closure on its writer queue, so the synchronous producer never blocks
        // the caller's executor.
        try await database.pool.write { db in try Self.store(db, produce).count }
    }

    /// Stores in the current transaction; returns how many were stored and the last sequence used.
    static func store(_ db: Database, _ body: (_ store: (RegisterAssertion) throws -> Void) throws -> Void) throws -> (
        count: Int, last: Int64
    ) {
        // Cached statements throughout: REGS calls this for every decision, and preparing the
        // SQL each time was a fifth of a migration's cost.
        var sequence = try Int64.fetchOne(db.cachedStatement(sql: "SELECT last FROM register_sequence WHERE id = 1")) ?? 0
        let insert = SQLiteBinder(statement: try db.cachedStatement(sql: RegisterRows.insertSQL).sqliteStatement)
        let bind = SQLiteBinder(
            statement: try db.cachedStatement(
                sql: "INSERT INTO metering_point (mpan, gsp_group) VALUES (?, ?) ON CONFLICT (mpan) DO NOTHING"
            ).sqliteStatement)
        let groupOf = try db.cachedStatement(sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?")
        var stored = 0
        try body { assertion in
            bind.bind(1, assertion.mpan.value)
            bind.bind(2, assertion.gspGroup.rawValue)
            try bind.execute(db)
            if db.changesCount == 0 {
                let existing = try String.fetchOne(groupOf, arguments: [assertion.mpan.value])
                guard existing == assertion.gspGroup.rawValue else {
                    throw RegistrationError.groupMismatch(
                        "MPAN \(assertion.mpan) is registered in \(existing ?? "?"), not \(assertion.gspGroup.rawValue)")
                }
            }
            sequence += 1
            RegisterRows.bind(assertion, sequence: sequence, to: insert)
            try insert.execute(db)
            stored += 1
        }
        try db.cachedStatement(sql: "UPDATE register_sequence SET last = ? WHERE id = 1").execute(arguments: [sequence])
        return (stored, sequence)
    }

    public func assertions(for mpan: MPAN) async throws -> [RegisterAssertion] {
        try await database.pool.read { db in try Self.assertions(db, mpan) }
    }

    public func assertions(for mpans: [MPAN]) async throws -> [[RegisterAssertion]] {
        try await database.pool.read { db in try mpans.map { try Self.assertions(db, $0) } }
    }

    static func assertions(_ db: Database, _ mpan: MPAN) throws -> [RegisterAssertion] {
        // Cached statements: preparing the wide SELECT costs more than running it (the hub reads
        // one MPAN per routed message).
        let findGroup = try db.cachedStatement(sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?")
        guard let group = try String.fetchOne(findGroup, arguments: [mpan.value]) else { return [] }
        let history = try db.cachedStatement(
            sql: "SELECT \(RegisterRows.columns) FROM register_assertion WHERE gsp_group = ? AND mpan = ? ORDER BY seq")
        // Decoded straight from the cursor's rows, without copying each into a `Row` first.
        return try Array(Row.fetchCursor(history, arguments: [group, mpan.value]).map { try RegisterRows.assertion($0) })
    }

    public func update(
        _ mpan: MPAN,
        _ decide: @escaping @Sendable (_ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> RegistrationOutcome {
        // SQLite has one writer: reading inside the write transaction holds every MPAN.
        try await database.pool.write { db in
            let outcome = try decide(try Self.record(db, mpan))
            try Self.store(outcome, for: mpan, db)
            return outcome
        }
    }

    public func updateEach(
        _ mpans: [MPAN],
        _ decide: @escaping @Sendable (_ index: Int, _ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> [Result<RegistrationOutcome, any Error>] {
        // One write transaction for the lot: a decision that throws stores nothing of its own.
        try await database.pool.write { db in
            var results: [Result<RegistrationOutcome, any Error>] = []
            for (index, mpan) in mpans.enumerated() {
                let outcome: RegistrationOutcome
                let record = try Self.record(db, mpan)
                do {
                    outcome = try decide(index, record)
                } catch {
                    results.append(.failure(error))
                    continue
                }
                try Self.store(outcome, for: mpan, db)
                results.append(.success(outcome))
            }
            return results
        }
    }

    static func record(_ db: Database, _ mpan: MPAN) throws -> MeteringPointRecord {
        let appointments = try String.fetchAll(
            db.cachedStatement(sql: "SELECT body FROM appointment_request WHERE mpan = ? ORDER BY requested_at, id"),
            arguments: [mpan.value]
        ).map(AppointmentRows.appointment)
        return MeteringPointRecord(history: try Self.assertions(db, mpan), appointments: appointments)
    }

    /// Records a decision's appointment requests, assertions and outbox messages.
    static func store(_ outcome: RegistrationOutcome, for mpan: MPAN, _ db: Database) throws {
        for appointment in outcome.appointments {
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO appointment_request (id, mpan, status, requested_at, body) VALUES (?, ?, ?, ?, ?)"
            ).execute(
                arguments: [
                    appointment.id, appointment.mpan.value, appointment.status.rawValue, appointment.requestedAt.secondsSinceEpoch,
                    try AppointmentRows.body(appointment),
                ])
        }
        _ = try Self.store(db) { store in
            for assertion in outcome.assertions { try store(assertion) }
        }
        let insert = SQLiteBinder(
            statement: try db.cachedStatement(
                sql:
                    "INSERT INTO outbox (recipient, recipient_role, interface_id, event_code, mpan, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ).sqliteStatement)
        let now = outcome.decidedAt ?? outcome.assertions.first?.recordedAt ?? UTCInstant(secondsSinceEpoch: 0)
        for message in outcome.messages {
            for (offset, value) in try OutboxRows.values(message, mpan: mpan, createdAt: now).enumerated() {
                switch value {
                case .text(let text): insert.bind(Int32(offset + 1), text)
                case .int(let number): insert.bind(Int32(offset + 1), number)
                }
            }
            try insert.execute(db)
        }
    }

    public func pendingAppointments(of mpans: [MPAN]) async throws -> [PendingAppointment] {
        try await database.pool.read { db in
            // `+status`: by the MPAN's index, never the pending index (which would scan every
            // pending request of the market for each MPAN).
            let statement = try db.cachedStatement(
                sql: "SELECT body FROM appointment_request WHERE mpan = ? AND +status = 'pending' ORDER BY requested_at, id")
            return try mpans.flatMap { mpan in try String.fetchAll(statement, arguments: [mpan.value]).map(AppointmentRows.appointment) }
        }
    }

    public func pendingAppointments(requestedBefore instant: UTCInstant) async throws -> [PendingAppointment] {
        try await database.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT body FROM appointment_request WHERE status = 'pending' AND requested_at < ? ORDER BY requested_at, id",
                arguments: [instant.secondsSinceEpoch]
            ).map(AppointmentRows.appointment)
        }
    }

    public func outbox(after sequence: Int64, limit: Int) async throws -> [StoredOutboundMessage] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(OutboxRows.columns) FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [sequence, limit]
            ).map { try OutboxRows.message($0) }
        }
    }

    public func gspGroup(of mpan: MPAN) async throws -> GSPGroup? {
        try await database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?", arguments: [mpan.value])
                .map { try GSPGroup(code: $0) }
        }
    }

    public func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) async throws
        -> RegisterSnapshot
    {
        try await database.pool.read { db in
            try SQLiteSnapshotReader.read(db, group: group, date: date, instant: instant, expectedCount: 0)
        }
    }

    public func meteringPointCount() async throws -> Int {
        try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metering_point") ?? 0 }
    }
}
