import Foundation
import GRDB
import MHHSCore
import MHHSStandingData

/// Standing data in the embedded SQLite database.
public struct SQLiteStandingDataRepository: StandingDataRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func replaceMarketDomainData(_ data: MarketDomainData) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM mdd_import")
            for table in MDDTables.all { try db.execute(sql: "DELETE FROM \(table.name)") }
            try db.execute(sql: "INSERT INTO mdd_import (id, version) VALUES (1, ?)", arguments: [data.version])
            for (table, rows) in MDDTables.rows(of: data) {
                let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                let insert = try db.makeStatement(
                    sql: "INSERT INTO \(table.name) (\(table.columnNames.joined(separator: ", "))) VALUES (\(placeholders))")
                for row in rows {
                    try insert.execute(
                        arguments: StatementArguments(
                            row.map { value -> (any DatabaseValueConvertible)? in
                                switch value {
                                case .int(let number): number
                                case .text(let text): text
                                }
                            }))
                }
            }
        }
    }

    public func marketDomainData() async throws -> MarketDomainData? {
        let stored: (String, [String: [MDDTables.Row]])? = try await database.pool.read { db in
            guard let version = try String.fetchOne(db, sql: "SELECT version FROM mdd_import WHERE id = 1") else { return nil }
            var tables: [String: [MDDTables.Row]] = [:]
            for table in MDDTables.all {
                tables[table.name] = try Row.fetchAll(
                    db, sql: "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order)"
                ).map { row in
                    table.columns.indices.map { index in
                        table.columns[index].isInteger ? .int(row[index] as Int64?) : .text(row[index] as String?)
                    }
                }
            }
            return (version, tables)
        }
        guard let (version, tables) = stored else { return nil }
        return try await MDDTables.data(version: version) { tables[$0.name] ?? [] }
    }

    public func importLineLossFactors<Result>(
        source: String,
        _ body: (_ store: (LLFDay) throws -> Void) throws -> Result
    ) throws -> Result {
        try database.pool.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO llf_day (distributor, llf_class, settlement_date, period_count, factors)
                    VALUES (?, ?, ?, ?, ?)
                    """)
            var days = 0
            let result = try body { day in
                try insert.execute(arguments: [
                    day.distributor.value, day.llfClass, day.date.description, day.factors.count,
                    LLFBlob.encode(day.factors),
                ])
                days += 1
            }
            try db.execute(sql: "INSERT INTO llf_import (source, days) VALUES (?, ?)", arguments: [source, days])
            return result
        }
    }

    public func lineLossFactors(distributor: MPID, llfClass: String, date: SettlementDate) throws -> LLFDay? {
        try database.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT factors FROM llf_day WHERE distributor = ? AND llf_class = ? AND settlement_date = ?",
                    arguments: [distributor.value, llfClass, date.description])
            else { return nil }
            guard let factors = LLFBlob.decode(row["factors"]), factors.count == date.periodCount else {
                throw StorageError.corrupt("llf_day \(distributor) \(llfClass) \(date) has an unreadable factor blob")
            }
            return LLFDay(distributor: distributor, llfClass: llfClass, date: date, factors: factors)
        }
    }

    public func lineLossFactorCoverage() throws -> [LLFCoverage] {
        try database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT distributor, COUNT(DISTINCT llf_class) AS classes, COUNT(*) AS days,
                           MIN(settlement_date) AS first, MAX(settlement_date) AS last
                    FROM llf_day GROUP BY distributor ORDER BY distributor
                    """
            ).map { row in
                LLFCoverage(
                    distributor: try MPID(row["distributor"] as String), llfClasses: row["classes"], days: row["days"],
                    firstDate: try SettlementDate(row["first"] as String), lastDate: try SettlementDate(row["last"] as String))
            }
        }
    }
}

/// A stored value that cannot be read back.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    case corrupt(String)

    public var description: String {
        switch self {
        case .corrupt(let message): "the store is corrupt: \(message)"
        }
    }
}
