import GRDB
import MHHSCore
import MHHSMigration

/// Migration waves in the embedded database.
public struct SQLiteMigrationStore: MigrationRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func createWave(
        _ wave: MigrationWave,
        plan: @escaping @Sendable (_ booked: [MPID: [SettlementDate: Int]], _ active: Set<MPAN>) throws -> [MigrationItem]
    ) async throws -> [MigrationItem] {
        let definition = try MigrationRows.definition(wave)
        return try await database.pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migration_wave WHERE id = ?", arguments: [wave.id]) == 0 else {
                throw MigrationError.duplicateWave(wave.id)
            }
            let booked = try MigrationRows.booked(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT distributor, planned_date, COUNT(*) FROM migration_item WHERE status <> 'failed'
                        GROUP BY distributor, planned_date
                        """
                ).map { ($0[0], $0[1], $0[2]) })
            let active = Set(
                try Int64.fetchAll(db, sql: "SELECT mpan FROM migration_item WHERE status NOT IN ('failed', 'reversed')").map {
                    try MPAN(String($0))
                })
            let items = try plan(booked, active)
            try db.execute(
                sql: "INSERT INTO migration_wave (id, created_at, definition) VALUES (?, ?, ?)",
                arguments: [wave.id, wave.createdAt.secondsSinceEpoch, definition])
            let insert = try db.cachedStatement(
                sql: "INSERT INTO migration_item (\(MigrationSchema.itemColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for item in items { try insert.execute(arguments: Self.arguments(item)) }
            return items
        }
    }

    public func waves() async throws -> [MigrationWave] {
        try await database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT definition FROM migration_wave ORDER BY created_at, id").map(MigrationRows.wave)
        }
    }

    public func items(wave: String?) async throws -> [MigrationItem] {
        try await database.pool.read { db in
            try Self.items(
                db,
                sql: "SELECT \(MigrationSchema.itemColumns) FROM migration_item WHERE ? IS NULL OR wave = ? ORDER BY planned_date, mpan",
                arguments: [wave, wave])
        }
    }

    public func items(status: MigrationStatus, plannedOnOrBefore date: SettlementDate) async throws -> [MigrationItem] {
        try await database.pool.read { db in
            try Self.items(
                db,
                sql: """
                    SELECT \(MigrationSchema.itemColumns) FROM migration_item WHERE status = ? AND planned_date <= ?
                    ORDER BY planned_date, mpan, wave
                    """, arguments: [status.rawValue, date.dayNumber])
        }
    }

    public func update(_ items: [MigrationItem], expecting expected: MigrationStatus) async throws -> [Bool] {
        guard !items.isEmpty else { return [] }
        return try await database.pool.write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE migration_item SET status = ?, detail = ?, updated_at = ? WHERE wave = ? AND mpan = ? AND status = ?")
            return try items.map { item in
                try update.execute(arguments: [
                    item.status.rawValue, item.detail, item.updatedAt.secondsSinceEpoch, item.wave, item.mpan.value, expected.rawValue,
                ])
                return db.changesCount == 1
            }
        }
    }

    public func closures() async throws -> [LegacyClosure] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT segment, last_legacy_date, closed_at FROM legacy_closure ORDER BY segment").map {
                try MigrationRows.closure(segment: $0[0], lastLegacyDate: $0[1], closedAt: $0[2])
            }
        }
    }

    public func close(_ closure: LegacyClosure) async throws -> LegacyClosure {
        try await database.pool.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO legacy_closure (segment, last_legacy_date, closed_at) VALUES (?, ?, ?)",
                arguments: [closure.segment.rawValue, closure.lastLegacyDate.dayNumber, closure.closedAt.secondsSinceEpoch])
            let row = try Row.fetchOne(
                db, sql: "SELECT segment, last_legacy_date, closed_at FROM legacy_closure WHERE segment = ?",
                arguments: [closure.segment.rawValue])!
            return try MigrationRows.closure(segment: row[0], lastLegacyDate: row[1], closedAt: row[2])
        }
    }

    static func items(_ db: Database, sql: String, arguments: StatementArguments) throws -> [MigrationItem] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            try MigrationRows.item((row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10]))
        }
    }

    static func arguments(_ item: MigrationItem) -> StatementArguments {
        [
            item.wave, item.mpan.value, item.gspGroup.rawValue, item.distributor.value, item.supplier.value, item.segment.rawValue,
            item.annualWh, item.plannedDate.dayNumber, item.status.rawValue, item.detail, item.updatedAt.secondsSinceEpoch,
        ]
    }
}
