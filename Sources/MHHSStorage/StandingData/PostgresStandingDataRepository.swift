import Foundation
import MHHSCore
import MHHSStandingData
import PostgresNIO

/// Standing data in PostgreSQL: the same MDD tables as the embedded store's and one row per
/// LLF class-day, so every server instance settles with the same factors. An import goes in
/// through `COPY` in one transaction; an LLF import holds its days in memory until the
/// (synchronous) reader has finished, about 0.5 KB a class-day. MDD is read in one snapshot.
public struct PostgresStandingDataRepository: StandingDataRepository {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func replaceMarketDomainData(_ data: MarketDomainData) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query("LOCK TABLE mdd_import IN EXCLUSIVE MODE", logger: logger)
            try await connection.query("DELETE FROM mdd_import", logger: logger)
            for table in MDDTables.all {
                try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table.name)"), logger: logger)
            }
            try await connection.query("INSERT INTO mdd_import (id, version) VALUES (1, \(data.version))", logger: logger)
            for (table, rows) in MDDTables.rows(of: data) where !rows.isEmpty {
                var text = PostgresCopyText(reservingCapacity: rows.count * 64)
                for row in rows { text.appendRow(row) }
                let bytes = text.bytes
                try await connection.copyFrom(table: table.name, columns: table.columnNames, logger: logger) { writer in
                    try await writer.write(ByteBuffer(bytes: bytes))
                }
            }
        }
    }

    public func marketDomainData() async throws -> MarketDomainData? {
        let logger = database.logger
        return try await database.transaction { connection in
            // One snapshot for the version and every table, so a concurrent import is not mixed in.
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var version: String?
            for try await stored in try await connection.query("SELECT version FROM mdd_import WHERE id = 1", logger: logger)
                .decode(String.self)
            {
                version = stored
            }
            guard let version else { return nil }
            return try await MDDTables.data(version: version) { table in
                var rows: [MDDTables.Row] = []
                // Text sorts byte-wise, as in SQLite, whatever the database's collation.
                let order = table.order.split(separator: ", ").map { column in
                    table.columns.first { $0.name == column }?.isInteger == true ? String(column) : "\(column) COLLATE \"C\""
                }
                let query = PostgresQuery(
                    unsafeSQL:
                        "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name) ORDER BY \(order.joined(separator: ", "))")
                for try await row in try await connection.query(query, logger: logger) {
                    let cells = row.makeRandomAccess()
                    rows.append(
                        try table.columns.indices.map { index in
                            table.columns[index].isInteger
                                ? .int(try cells[index].decode(Int64?.self)) : .text(try cells[index].decode(String?.self))
                        })
                }
                return rows
            }
        }
    }

    public func importLineLossFactors<Result>(
        source: String,
        _ body: (_ store: (LLFDay) throws -> Void) throws -> Result
    ) async throws -> Result {
        // The reader is synchronous: the days are kept until it has finished. A day given twice
        // (the same day in two files) keeps the later, as the embedded store's REPLACE does.
        var rows: [[RegisterRows.Value]] = []
        var rowOfDay: [String: Int] = [:]
        var days = 0
        let result = try body { day in
            let row: [RegisterRows.Value] = [
                .text(day.distributor.value), .text(day.llfClass), .int(Int64(day.date.dayNumber)), .int(Int64(day.factors.count)),
                .text("\\x" + [UInt8](LLFBlob.encode(day.factors)).hexString),
            ]
            let name = "\(day.distributor.value)|\(day.llfClass)|\(day.date.dayNumber)"
            if let index = rowOfDay[name] { rows[index] = row } else { rowOfDay[name] = rows.count; rows.append(row) }
            days += 1
        }
        var text = PostgresCopyText(reservingCapacity: rows.count * 512)
        for row in rows { text.appendRow(row) }
        rows = []
        let bytes = text.bytes
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query(
                "CREATE TEMPORARY TABLE llf_load (LIKE llf_day) ON COMMIT DROP", logger: logger)
            try await connection.copyFrom(
                table: "llf_load", columns: ["distributor", "llf_class", "settlement_date", "period_count", "factors"], logger: logger
            ) { writer in
                try await writer.write(ByteBuffer(bytes: bytes))
            }
            try await connection.query(
                """
                INSERT INTO llf_day SELECT * FROM llf_load
                ON CONFLICT (distributor, llf_class, settlement_date)
                DO UPDATE SET period_count = EXCLUDED.period_count, factors = EXCLUDED.factors
                """, logger: logger)
            try await connection.query("INSERT INTO llf_import (source, days) VALUES (\(source), \(days))", logger: logger)
        }
        return result
    }

    public func lineLossFactors(distributor: MPID, llfClass: String, date: SettlementDate) async throws -> LLFDay? {
        let rows = try await database.client.query(
            """
            SELECT factors FROM llf_day
            WHERE distributor = \(distributor.value) AND llf_class = \(llfClass) AND settlement_date = \(Int64(date.dayNumber))
            """, logger: database.logger)
        for try await blob in rows.decode(ByteBuffer.self) {
            guard let factors = LLFBlob.decode(Data(blob.readableBytesView)), factors.count == date.periodCount else {
                throw StorageError.corrupt("llf_day \(distributor) \(llfClass) \(date) has an unreadable factor blob")
            }
            return LLFDay(distributor: distributor, llfClass: llfClass, date: date, factors: factors)
        }
        return nil
    }

    public func lineLossFactorCoverage() async throws -> [LLFCoverage] {
        let rows = try await database.client.query(
            """
            SELECT distributor, COUNT(DISTINCT llf_class), COUNT(*), MIN(settlement_date), MAX(settlement_date)
            FROM llf_day GROUP BY distributor ORDER BY distributor
            """, logger: database.logger)
        var coverage: [LLFCoverage] = []
        for try await (distributor, classes, days, first, last) in rows.decode((String, Int64, Int64, Int64, Int64).self) {
            coverage.append(
                LLFCoverage(
                    distributor: try MPID(distributor), llfClasses: Int(classes), days: Int(days),
                    firstDate: SettlementDate(dayNumber: Int(first)), lastDate: SettlementDate(dayNumber: Int(last))))
        }
        return coverage
    }
}

/// The PostgreSQL tables of standing data (the embedded store's, with dates as day numbers).
enum StandingDataSchema {
    static let statements = [
        "CREATE TABLE mdd_import (id INT PRIMARY KEY CHECK (id = 1), version TEXT NOT NULL)",
        "CREATE TABLE mdd_gsp_group (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE mdd_participant (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
        """
        CREATE TABLE mdd_participant_role (
            participant TEXT NOT NULL, role TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT,
            distributor_short_code TEXT
        )
        """,
        "CREATE INDEX mdd_participant_role_by_role ON mdd_participant_role (role, participant)",
        """
        CREATE TABLE mdd_profile_class (
            id BIGINT NOT NULL, description TEXT NOT NULL, switched_load BIGINT NOT NULL,
            effective_from TEXT NOT NULL, effective_to TEXT, PRIMARY KEY (id, effective_from)
        )
        """,
        """
        CREATE TABLE mdd_ssc (
            id TEXT NOT NULL, description TEXT NOT NULL, type TEXT NOT NULL,
            effective_from TEXT NOT NULL, effective_to TEXT, PRIMARY KEY (id, effective_from)
        )
        """,
        "CREATE TABLE mdd_tpr (id TEXT PRIMARY KEY, teleswitch_or_clock TEXT NOT NULL, is_gmt BIGINT NOT NULL)",
        "CREATE TABLE mdd_measurement_requirement (ssc TEXT NOT NULL, tpr TEXT NOT NULL)",
        """
        CREATE TABLE mdd_clock_interval (
            tpr TEXT NOT NULL, day_of_week BIGINT NOT NULL, start_day BIGINT NOT NULL, start_month BIGINT NOT NULL,
            end_day BIGINT NOT NULL, end_month BIGINT NOT NULL, start_minute BIGINT NOT NULL, end_minute BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE mdd_llf_class (
            distributor TEXT NOT NULL, id TEXT NOT NULL, description TEXT NOT NULL, ms_specific TEXT NOT NULL,
            effective_from TEXT NOT NULL, effective_to TEXT
        )
        """,
        """
        CREATE TABLE llf_day (
            distributor TEXT NOT NULL, llf_class TEXT NOT NULL, settlement_date INT NOT NULL,
            period_count INT NOT NULL CHECK (period_count IN (46, 48, 50)), factors BYTEA NOT NULL,
            PRIMARY KEY (distributor, llf_class, settlement_date)
        )
        """,
        "CREATE TABLE llf_import (id BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, days INT NOT NULL)",
    ]
}
