import Logging
import MHHSCore
import MHHSMessages
import MHHSRegistration
import NIOCore
import PostgresNIO
import Synchronization

/// The register in PostgreSQL. Loads stream through `COPY` into a temporary table, are checked
/// there (GSP-group binding) and move into `register_assertion` in the same transaction; the
/// sequence counter row is locked for the transaction, so concurrent writers from several
/// instances serialise and a failed load uses no numbers.
public struct PostgresRegisterRepository: RegisterRepository {
    let database: PostgresStore

    public init(database: PostgresStore) {
        self.database = database
    }

    static let copyChunkBytes = 1 << 20

    @discardableResult
    public func record(_ assertions: [RegisterAssertion]) async throws -> [Int64] {
        let (count, last) = try await load { store in
            for assertion in assertions { try store(assertion) }
        }
        return count == 0 ? [] : Array((last - Int64(count) + 1)...last)
    }

    public func recordAll(
        _ produce: @escaping @Sendable (_ store: (RegisterAssertion) throws -> Void) throws -> Void
    ) async throws -> Int {
        try await load(produce).count
    }

    func load(
        _ produce: @escaping @Sendable (_ store: (RegisterAssertion) throws -> Void) throws -> Void
    ) async throws -> (count: Int, last: Int64) {
        let logger = database.logger
        return try await database.transaction { connection in
            var start: Int64 = 0
            for try await last in try await connection.query(
                "SELECT last FROM register_sequence WHERE id = 1 FOR UPDATE", logger: logger
            ).decode(Int64.self) { start = last }
            try await connection.query("CREATE TEMP TABLE register_load (LIKE register_assertion) ON COMMIT DROP", logger: logger)
            let produced = Mutex<Int64>(0)
            let firstSequence = start
            let producer = ProducerThread<[UInt8]> { yield in
                var text = PostgresCopyText(reservingCapacity: Self.copyChunkBytes + 4_096)
                var sequence = firstSequence
                try produce { assertion in
                    sequence += 1
                    text.appendRow(RegisterRows.values(assertion, sequence: sequence))
                    if text.bytes.count >= Self.copyChunkBytes {
                        try yield(text.bytes)
                        text = PostgresCopyText(reservingCapacity: Self.copyChunkBytes + 4_096)
                    }
                }
                if !text.bytes.isEmpty { try yield(text.bytes) }
                produced.withLock { $0 = sequence - firstSequence }
            }
            defer { producer.cancel() }
            try await connection.copyFrom(table: "register_load", columns: RegisterRows.columnNames, logger: logger) { writer in
                for try await chunk in producer.stream {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    producer.consumed()
                }
            }
            let count = produced.withLock { $0 }
            try await Self.checkGroups(connection, logger: logger)
            try await connection.query(
                """
                INSERT INTO metering_point (mpan, gsp_group) SELECT DISTINCT mpan, gsp_group FROM register_load
                ON CONFLICT (mpan) DO NOTHING
                """, logger: logger)
            try await connection.query("INSERT INTO register_assertion SELECT * FROM register_load", logger: logger)
            let last = start + count
            try await connection.query("UPDATE register_sequence SET last = \(last) WHERE id = 1", logger: logger)
            return (Int(count), last)
        }
    }

    /// An MPAN may not appear in two groups in one load, nor in another group than it is bound to.
    static func checkGroups(_ connection: PostgresConnection, logger: Logger) async throws {
        for try await mpan in try await connection.query(
            "SELECT mpan FROM register_load GROUP BY mpan HAVING COUNT(DISTINCT gsp_group) > 1 LIMIT 1", logger: logger
        ).decode(Int64.self) {
            throw RegistrationError.groupMismatch("MPAN \(mpan) is named in two GSP groups")
        }
        for try await (mpan, loaded, bound) in try await connection.query(
            """
            SELECT l.mpan, l.gsp_group, m.gsp_group FROM register_load l JOIN metering_point m ON m.mpan = l.mpan
            WHERE l.gsp_group <> m.gsp_group LIMIT 1
            """, logger: logger
        ).decode((Int64, String, String).self) {
            throw RegistrationError.groupMismatch("MPAN \(mpan) is registered in \(bound), not \(loaded)")
        }
    }

    public func assertions(for mpan: MPAN) async throws -> [RegisterAssertion] {
        try await database.client.withConnection { try await Self.assertions($0, mpan, logger: database.logger) }
    }

    static func assertions(_ connection: PostgresConnection, _ mpan: MPAN, logger: Logger) async throws -> [RegisterAssertion] {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: RegisterRows.columns) FROM register_assertion
            WHERE gsp_group = (SELECT gsp_group FROM metering_point WHERE mpan = \(mpan.value)) AND mpan = \(mpan.value)
            ORDER BY seq
            """, logger: logger)
        var assertions: [RegisterAssertion] = []
        for try await row in rows { assertions.append(try RegisterRows.assertion(row.makeRandomAccess())) }
        return assertions
    }

    public func update(
        _ mpan: MPAN,
        _ decide: @escaping @Sendable (_ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> RegistrationOutcome {
        let logger = database.logger
        return try await database.transaction { connection in
            // Held until commit: requests about one MPAN are decided one at a time, across instances.
            try await connection.query("SELECT pg_advisory_xact_lock(\(mpan.value))", logger: logger)
            var appointments: [PendingAppointment] = []
            for try await body in try await connection.query(
                "SELECT body FROM appointment_request WHERE mpan = \(mpan.value) ORDER BY requested_at, id", logger: logger
            ).decode(String.self) { appointments.append(try AppointmentRows.appointment(body)) }
            let history = try await Self.assertions(connection, mpan, logger: logger)
            let outcome = try decide(MeteringPointRecord(history: history, appointments: appointments))
            for appointment in outcome.appointments {
                let body = try AppointmentRows.body(appointment)
                try await connection.query(
                    """
                    INSERT INTO appointment_request (id, mpan, status, requested_at, body)
                    VALUES (\(appointment.id), \(appointment.mpan.value), \(appointment.status.rawValue), \(appointment.requestedAt.secondsSinceEpoch), \(body))
                    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, body = EXCLUDED.body
                    """, logger: logger)
            }
            if !outcome.assertions.isEmpty {
                var last: Int64 = 0
                for try await value in try await connection.query(
                    "SELECT last FROM register_sequence WHERE id = 1 FOR UPDATE", logger: logger
                ).decode(Int64.self) { last = value }
                for assertion in outcome.assertions {
                    try await connection.query(
                        "INSERT INTO metering_point (mpan, gsp_group) VALUES (\(assertion.mpan.value), \(assertion.gspGroup.rawValue)) ON CONFLICT (mpan) DO NOTHING",
                        logger: logger)
                    for try await bound in try await connection.query(
                        "SELECT gsp_group FROM metering_point WHERE mpan = \(assertion.mpan.value)", logger: logger
                    ).decode(String.self) where bound != assertion.gspGroup.rawValue {
                        throw RegistrationError.groupMismatch(
                            "MPAN \(assertion.mpan) is registered in \(bound), not \(assertion.gspGroup.rawValue)")
                    }
                    last += 1
                    try await connection.query(
                        Self.insert(
                            table: "register_assertion", columns: RegisterRows.columns, RegisterRows.values(assertion, sequence: last)),
                        logger: logger)
                }
                try await connection.query("UPDATE register_sequence SET last = \(last) WHERE id = 1", logger: logger)
            }
            let now = outcome.decidedAt ?? outcome.assertions.first?.recordedAt ?? UTCInstant(secondsSinceEpoch: 0)
            for message in outcome.messages {
                try await connection.query(
                    Self.insert(
                        table: "outbox", columns: "recipient, recipient_role, interface_id, event_code, mpan, created_at, body",
                        try OutboxRows.values(message, mpan: mpan, createdAt: now)),
                    logger: logger)
            }
            return outcome
        }
    }

    /// An INSERT with every value bound (never spliced into the SQL text).
    static func insert(table: String, columns: String, _ values: [RegisterRows.Value]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text?): bindings.append(text)
            case .int(let number?): bindings.append(number)
            case .text(nil), .int(nil): bindings.appendNull()
            }
        }
        let placeholders = (1...values.count).map { "$\($0)" }.joined(separator: ", ")
        return PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(columns)) VALUES (\(placeholders))", binds: bindings)
    }

    public func pendingAppointments(of mpans: [MPAN]) async throws -> [PendingAppointment] {
        var appointments: [PendingAppointment] = []
        for try await body in try await database.client.query(
            "SELECT body FROM appointment_request WHERE mpan = ANY(\(mpans.map(\.value))) AND status = 'pending' ORDER BY requested_at, id",
            logger: database.logger
        ).decode(String.self) { appointments.append(try AppointmentRows.appointment(body)) }
        return appointments
    }

    public func pendingAppointments(requestedBefore instant: UTCInstant) async throws -> [PendingAppointment] {
        var appointments: [PendingAppointment] = []
        for try await body in try await database.client.query(
            "SELECT body FROM appointment_request WHERE status = 'pending' AND requested_at < \(instant.secondsSinceEpoch) ORDER BY requested_at, id",
            logger: database.logger
        ).decode(String.self) { appointments.append(try AppointmentRows.appointment(body)) }
        return appointments
    }

    public func outbox(after sequence: Int64, limit: Int) async throws -> [StoredOutboundMessage] {
        let rows = try await database.client.query(
            "SELECT \(unescaped: OutboxRows.columns) FROM outbox WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)",
            logger: database.logger)
        var messages: [StoredOutboundMessage] = []
        for try await row in rows { messages.append(try OutboxRows.message(row.makeRandomAccess())) }
        return messages
    }

    public func gspGroup(of mpan: MPAN) async throws -> GSPGroup? {
        for try await group in try await database.client.query(
            "SELECT gsp_group FROM metering_point WHERE mpan = \(mpan.value)", logger: database.logger
        ).decode(String.self) {
            return try GSPGroup(code: group)
        }
        return nil
    }

    public func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) async throws
        -> RegisterSnapshot
    {
        var builder = RegisterSnapshotBuilder(gspGroup: group, settlementDate: date, asKnownAt: instant)
        let rows = try await database.client.query(
            """
            SELECT \(unescaped: RegisterRows.columns) FROM register_assertion
            WHERE gsp_group = \(group.rawValue) AND effective_from <= \(date.dayNumber) AND recorded_at <= \(instant.secondsSinceEpoch)
            ORDER BY gsp_group, mpan
            """, logger: database.logger)
        for try await row in rows { builder.add(try RegisterRows.assertion(row.makeRandomAccess())) }
        return builder.finish()
    }

    public func meteringPointCount() async throws -> Int {
        for try await count in try await database.client.query("SELECT COUNT(*) FROM metering_point", logger: database.logger)
            .decode(Int.self)
        {
            return count
        }
        return 0
    }
}

extension PostgresRandomAccessRow: RegisterColumnSource {
    func text(_ index: Int) throws -> String? { try self[index].decode(String?.self) }
    func int(_ index: Int) throws -> Int64? { try self[index].decode(Int64?.self) }
}
