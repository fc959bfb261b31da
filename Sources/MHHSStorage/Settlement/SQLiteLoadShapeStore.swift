import GRDB
import MHHSCore
import MHHSSettlement

/// LSS runs in the embedded database.
public struct SQLiteLoadShapeStore: LoadShapeRepository {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) { self.database = database }

    public func save(_ unnumbered: LoadShapeRun) async throws -> LoadShapeRun {
        try await database.pool.write { db in
            let number =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(run_number), 0) + 1 FROM load_shape_run WHERE utc_day = ?",
                    arguments: [unnumbered.day.dayNumber]) ?? 1
            let latest = try Int64.fetchOne(db, sql: "SELECT MAX(run_at) FROM load_shape_run") ?? Int64.min
            let run = unnumbered.numbered(
                number, publishedAt: UTCInstant(secondsSinceEpoch: max(unnumbered.runAt.secondsSinceEpoch, latest)))
            try db.execute(
                sql: """
                    INSERT INTO load_shape_run (id, utc_day, run_number, run_at, sp_data_version, minimum_sample)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run.id, run.day.dayNumber, run.runNumber, run.runAt.secondsSinceEpoch, run.spDataVersion, run.minimumSample])
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO load_shape (run_id, category, utc_day, period_values, flags, samples, totals)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for shape in run.shapes {
                let row = LoadShapeRow(shape)
                try statement.execute(arguments: [
                    run.id, row.category, run.day.dayNumber, row.periodValues, row.flags, row.samples, row.totals,
                ])
            }
            return run
        }
    }

    public func latestRun(onOrBefore day: UTCDay, publishedBy: UTCInstant?) async throws -> LoadShapeRun? {
        try await database.pool.read { db in
            guard
                let run = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, utc_day, run_number, run_at, sp_data_version, minimum_sample FROM load_shape_run
                        WHERE utc_day <= ? AND run_at <= ? ORDER BY utc_day DESC, run_number DESC LIMIT 1
                        """,
                    arguments: [day.dayNumber, publishedBy?.secondsSinceEpoch ?? Int64.max])
            else { return nil }
            let runDay = UTCDay(dayNumber: run[1])
            let shapes = try Row.fetchAll(
                db, sql: "SELECT category, period_values, flags, samples, totals FROM load_shape WHERE run_id = ? ORDER BY category",
                arguments: [run[0] as String]
            ).map { row in
                try LoadShapeRow(category: row[0], periodValues: row[1], flags: row[2], samples: row[3], totals: row[4]).shape(day: runDay)
            }
            return LoadShapeRun(
                id: run[0], day: runDay, runNumber: run[2], runAt: UTCInstant(secondsSinceEpoch: run[3]), spDataVersion: run[4],
                minimumSample: run[5], shapes: shapes.sorted { $0.category < $1.category })
        }
    }

    public func dayTotals(in days: ClosedRange<UTCDay>, publishedBy: UTCInstant) async throws -> [LoadShapeCategory: [LoadShapeDayTotals]] {
        try await database.pool.read { db in
            var totals: [LoadShapeCategory: [LoadShapeDayTotals]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.category, s.utc_day, s.period_values FROM load_shape AS s
                    JOIN load_shape_run AS r ON r.id = s.run_id
                    WHERE s.utc_day BETWEEN ? AND ?
                      AND r.run_number = (SELECT MAX(run_number) FROM load_shape_run WHERE utc_day = r.utc_day AND run_at <= ?)
                    """,
                arguments: [days.lowerBound.dayNumber, days.upperBound.dayNumber, publishedBy.secondsSinceEpoch])
            while let row = try rows.next() {
                let day = UTCDay(dayNumber: row[1])
                let stored = LoadShapeRow(category: row[0], periodValues: row[2], flags: "", samples: "", totals: "")
                totals[try LoadShapeCategory(text: stored.category), default: []].append(
                    LoadShapeDayTotals(day: day, values: try stored.values()))
            }
            return totals
        }
    }
}
