import Foundation
import GRDB
import MHHSCore
import MHHSSettlement

/// Group takes and settlement runs in the embedded database.
public struct SQLiteSettlementStore: GroupTakeRepository, SettlementRunRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func recordTakes(_ takes: [GroupTake], recordedAt: UTCInstant) async throws {
        try await database.pool.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO gsp_group_take (settlement_date, gsp_group, sp, direction, recorded_at, wh)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for take in takes {
                try statement.execute(arguments: [
                    take.settlementDate.dayNumber, take.gspGroup.rawValue, take.period.value, take.direction.rawValue,
                    recordedAt.secondsSinceEpoch, take.wattHours,
                ])
            }
        }
    }

    public func takes(on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> [GroupTake] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT gsp_group, sp, direction, wh FROM gsp_group_take AS t
                    WHERE settlement_date = ? AND recorded_at = (
                        SELECT MAX(recorded_at) FROM gsp_group_take
                        WHERE settlement_date = t.settlement_date AND gsp_group = t.gsp_group AND sp = t.sp
                          AND direction = t.direction AND recorded_at <= ?)
                    ORDER BY gsp_group, sp, direction
                    """,
                arguments: [date.dayNumber, instant.secondsSinceEpoch]
            ).map { row in
                GroupTake(
                    settlementDate: date, gspGroup: GSPGroup(rawValue: row[0])!, period: try SettlementPeriod(row[1] as Int),
                    direction: EnergyDirection(rawValue: row[2])!, wattHours: row[3])
            }
        }
    }

    public func save(_ run: StoredSettlementRun) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO settlement_run (id, settlement_date, run_type, created_at, manifest) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    run.manifest.id, run.manifest.settlementDate.dayNumber, run.manifest.runType.rawValue,
                    run.manifest.runAt.secondsSinceEpoch, Data(run.manifest.json),
                ])
            for (name, content) in run.files.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO settlement_run_file (run_id, name, content) VALUES (?, ?, ?)",
                    arguments: [run.manifest.id, name, Data(content)])
            }
        }
    }

    public func runs(on date: SettlementDate?) async throws -> [RunManifest] {
        try await database.pool.read { db in
            let rows: [Data]
            if let date {
                rows = try Data.fetchAll(
                    db, sql: "SELECT manifest FROM settlement_run WHERE settlement_date = ? ORDER BY rowid", arguments: [date.dayNumber])
            } else {
                rows = try Data.fetchAll(db, sql: "SELECT manifest FROM settlement_run ORDER BY settlement_date, rowid")
            }
            return try rows.map { try RunManifest(json: Array($0)) }
        }
    }

    public func file(named name: String, ofRun id: String) async throws -> [UInt8]? {
        try await database.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT content FROM settlement_run_file WHERE run_id = ? AND name = ?", arguments: [id, name])
                .map { Array($0) }
        }
    }
}
