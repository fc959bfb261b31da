import GRDB
import MHHSCore
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
    public func record(_ assertions: [RegisterAssertion]) throws -> [Int64] {
        let (count, last) = try store { store in
            for assertion in assertions { try store(assertion) }
        }
        // Sequences are consecutive within one transaction.
        return count == 0 ? [] : Array((last - Int64(count) + 1)...last)
    }

    public func recordAll(_ body: (_ store: (RegisterAssertion) throws -> Void) throws -> Void) throws -> Int {
        try store(body).count
    }

    /// Stores in one transaction; returns how many were stored and the last sequence used.
    func store(_ body: (_ store: (RegisterAssertion) throws -> Void) throws -> Void) throws -> (count: Int, last: Int64) {
        try database.pool.write { db in
            var sequence = try Int64.fetchOne(db, sql: "SELECT last FROM register_sequence WHERE id = 1") ?? 0
            let insert = try db.cachedStatement(sql: RegisterRows.insertSQL)
            let bind = try db.cachedStatement(sql: "INSERT INTO metering_point (mpan, gsp_group) VALUES (?, ?) ON CONFLICT (mpan) DO NOTHING")
            let groupOf = try db.cachedStatement(sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?")
            var stored = 0
            try body { assertion in
                try bind.execute(arguments: [assertion.mpan.value, assertion.gspGroup.rawValue])
                if db.changesCount == 0 {
                    let existing = try String.fetchOne(groupOf, arguments: [assertion.mpan.value])
                    guard existing == assertion.gspGroup.rawValue else {
                        throw RegistrationError.groupMismatch(
                            "MPAN \(assertion.mpan) is registered in \(existing ?? "?"), not \(assertion.gspGroup.rawValue)")
                    }
                }
                sequence += 1
                try insert.execute(arguments: RegisterRows.arguments(assertion, sequence: sequence))
                stored += 1
            }
            try db.execute(sql: "UPDATE register_sequence SET last = ? WHERE id = 1", arguments: [sequence])
            return (stored, sequence)
        }
    }

    public func assertions(for mpan: MPAN) throws -> [RegisterAssertion] {
        try database.pool.read { db in
            guard let group = try String.fetchOne(db, sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?", arguments: [mpan.value])
            else { return [] }
            return try Row.fetchAll(
                db, sql: "SELECT \(RegisterRows.columns) FROM register_assertion WHERE gsp_group = ? AND mpan = ? ORDER BY seq",
                arguments: [group, mpan.value]
            ).map(RegisterRows.assertion)
        }
    }

    public func gspGroup(of mpan: MPAN) throws -> GSPGroup? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT gsp_group FROM metering_point WHERE mpan = ?", arguments: [mpan.value])
                .map { try GSPGroup(code: $0) }
        }
    }

    public func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) throws -> RegisterSnapshot {
        try database.pool.read { db in
            let expected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metering_point WHERE gsp_group = ?", arguments: [group.rawValue]) ?? 0
            var builder = RegisterSnapshotBuilder(gspGroup: group, settlementDate: date, asKnownAt: instant, expectedCount: expected)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(RegisterRows.columns) FROM register_assertion
                    WHERE gsp_group = ? AND effective_from <= ? AND recorded_at <= ?
                    ORDER BY gsp_group, mpan
                    """,
                arguments: [group.rawValue, date.dayNumber, instant.secondsSinceEpoch])
            while let row = try rows.next() { builder.add(try RegisterRows.assertion(row)) }
            return builder.finish()
        }
    }

    public func meteringPointCount() throws -> Int {
        try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metering_point") ?? 0 }
    }
}
