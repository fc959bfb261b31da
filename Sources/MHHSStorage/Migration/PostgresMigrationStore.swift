import MHHSCore
import MHHSMigration
import PostgresNIO

/// Migration waves on PostgreSQL (the same tables as the embedded store's).
public struct PostgresMigrationStore: MigrationRepository {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func createWave(
        _ wave: MigrationWave,
        plan: @escaping @Sendable (_ booked: [MPID: [SettlementDate: Int]], _ active: Set<MPAN>) throws -> [MigrationItem]
    ) async throws -> [MigrationItem] {
        let definition = try MigrationRows.definition(wave)
        let logger = database.logger
        return try await database.transaction { connection in
            // One planner at a time: bookings are read and extended under the lock.
            try await connection.query("LOCK TABLE migration_item IN EXCLUSIVE MODE", logger: logger)
            var exists = false
            for try await _ in try await connection.query("SELECT 1 FROM migration_wave WHERE id = \(wave.id)", logger: logger) {
                exists = true
            }
            if exists { throw MigrationError.duplicateWave(wave.id) }
            var bookings: [(String, Int64, Int64)] = []
            let booked = try await connection.query(
                """
                SELECT distributor, planned_date, COUNT(*) FROM migration_item WHERE status <> 'failed'
                GROUP BY distributor, planned_date
                """, logger: logger)
            for try await row in booked.decode((String, Int64, Int64).self) { bookings.append(row) }
            var active = Set<MPAN>()
            let rows = try await connection.query(
                "SELECT mpan FROM migration_item WHERE status NOT IN ('failed', 'reversed')", logger: logger)
            for try await mpan in rows.decode(Int64.self) { active.insert(try MPAN(String(mpan))) }
            let items = try plan(try MigrationRows.booked(bookings), active)
            try await connection.query(
                "INSERT INTO migration_wave (id, created_at, definition) VALUES (\(wave.id), \(wave.createdAt.secondsSinceEpoch), \(definition))",
                logger: logger)
            for item in items {
                try await connection.query(
                    """
                    INSERT INTO migration_item (\(unescaped: MigrationSchema.itemColumns))
                    VALUES (\(item.wave), \(item.mpan.value), \(item.gspGroup.rawValue), \(item.distributor.value), \(item.supplier.value),
                            \(item.segment.rawValue), \(item.annualWh), \(Int64(item.plannedDate.dayNumber)), \(item.status.rawValue),
                            \(item.detail), \(item.updatedAt.secondsSinceEpoch))
                    """, logger: logger)
            }
            return items
        }
    }

    public func waves() async throws -> [MigrationWave] {
        var waves: [MigrationWave] = []
        let rows = try await database.client.query(
            "SELECT definition FROM migration_wave ORDER BY created_at, id", logger: database.logger)
        for try await definition in rows.decode(String.self) { waves.append(try MigrationRows.wave(definition)) }
        return waves
    }

    public func items(wave: String?) async throws -> [MigrationItem] {
        try await items(
            """
            SELECT \(unescaped: MigrationSchema.itemColumns) FROM migration_item
            WHERE \(wave)::text IS NULL OR wave = \(wave) ORDER BY planned_date, mpan
            """)
    }

    public func items(status: MigrationStatus, plannedOnOrBefore date: SettlementDate) async throws -> [MigrationItem] {
        try await items(
            """
            SELECT \(unescaped: MigrationSchema.itemColumns) FROM migration_item
            WHERE status = \(status.rawValue) AND planned_date <= \(Int64(date.dayNumber)) ORDER BY planned_date, mpan, wave
            """)
    }

    func items(_ query: PostgresQuery) async throws -> [MigrationItem] {
        var items: [MigrationItem] = []
        let rows = try await database.client.query(query, logger: database.logger)
        for try await row in rows.decode(MigrationRows.ItemColumns.self) { items.append(try MigrationRows.item(row)) }
        return items
    }

    public func update(_ items: [MigrationItem], expecting expected: MigrationStatus) async throws -> [Bool] {
        guard !items.isEmpty else { return [] }
        let logger = database.logger
        return try await database.transaction { connection in
            var stored: [Bool] = []
            for item in items {
                let rows = try await connection.query(
                    """
                    UPDATE migration_item SET status = \(item.status.rawValue), detail = \(item.detail),
                        updated_at = \(item.updatedAt.secondsSinceEpoch)
                    WHERE wave = \(item.wave) AND mpan = \(item.mpan.value) AND status = \(expected.rawValue)
                    RETURNING 1
                    """, logger: logger)
                var updated = false
                for try await _ in rows { updated = true }
                stored.append(updated)
            }
            return stored
        }
    }

    public func closures() async throws -> [LegacyClosure] {
        var closures: [LegacyClosure] = []
        let rows = try await database.client.query(
            "SELECT segment, last_legacy_date, closed_at FROM legacy_closure ORDER BY segment", logger: database.logger)
        for try await (segment, date, closedAt) in rows.decode((String, Int64, Int64).self) {
            closures.append(try MigrationRows.closure(segment: segment, lastLegacyDate: date, closedAt: closedAt))
        }
        return closures
    }

    public func close(_ closure: LegacyClosure) async throws -> LegacyClosure {
        try await database.client.query(
            """
            INSERT INTO legacy_closure (segment, last_legacy_date, closed_at)
            VALUES (\(closure.segment.rawValue), \(Int64(closure.lastLegacyDate.dayNumber)), \(closure.closedAt.secondsSinceEpoch))
            ON CONFLICT (segment) DO NOTHING
            """, logger: database.logger)
        guard let stored = try await closures().first(where: { $0.segment == closure.segment }) else {
            throw MigrationError.invalidPlan("the closure of segment \(closure.segment) was not recorded")
        }
        return stored
    }
}
