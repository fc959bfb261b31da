import MHHSCore
import MHHSSettlement
import PostgresNIO

/// LSS runs on PostgreSQL (the same tables as the embedded store's).
public struct PostgresLoadShapeStore: LoadShapeRepository {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func save(_ unnumbered: LoadShapeRun) async throws -> LoadShapeRun {
        let logger = database.logger
        return try await database.transaction { connection in
            // One numbering at a time across every instance sharing the database.
            try await connection.query("LOCK TABLE load_shape_run IN EXCLUSIVE MODE", logger: logger)
            var number = 1
            var latest = Int64.min
            let rows = try await connection.query(
                """
                SELECT COALESCE((SELECT MAX(run_number) FROM load_shape_run WHERE utc_day = \(unnumbered.day.dayNumber)), 0) + 1,
                       COALESCE((SELECT MAX(run_at) FROM load_shape_run), \(Int64.min))
                """, logger: logger)
            for try await (next, published) in rows.decode((Int32, Int64).self) {
                number = Int(next)
                latest = published
            }
            let run = unnumbered.numbered(
                number, publishedAt: UTCInstant(secondsSinceEpoch: max(unnumbered.runAt.secondsSinceEpoch, latest)))
            try await connection.query(
                """
                INSERT INTO load_shape_run (id, utc_day, run_number, run_at, sp_data_version, minimum_sample)
                VALUES (\(run.id), \(run.day.dayNumber), \(run.runNumber), \(run.runAt.secondsSinceEpoch), \(run.spDataVersion),
                        \(run.minimumSample))
                """, logger: logger)
            for shape in run.shapes {
                let row = LoadShapeRow(shape)
                try await connection.query(
                    """
                    INSERT INTO load_shape (run_id, category, utc_day, period_values, flags, samples, totals)
                    VALUES (\(run.id), \(row.category), \(run.day.dayNumber), \(row.periodValues), \(row.flags), \(row.samples),
                            \(row.totals))
                    """, logger: logger)
            }
            return run
        }
    }

    public func latestRun(onOrBefore day: UTCDay, publishedBy: UTCInstant?) async throws -> LoadShapeRun? {
        let runs = try await database.client.query(
            """
            SELECT id, utc_day, run_number, run_at, sp_data_version, minimum_sample FROM load_shape_run
            WHERE utc_day <= \(day.dayNumber) AND run_at <= \(publishedBy?.secondsSinceEpoch ?? Int64.max)
            ORDER BY utc_day DESC, run_number DESC LIMIT 1
            """, logger: database.logger)
        var found: (String, Int32, Int32, Int64, Int64, Int32)?
        for try await run in runs.decode((String, Int32, Int32, Int64, Int64, Int32).self) { found = run }
        guard let (id, dayNumber, number, runAt, version, minimum) = found else { return nil }
        let runDay = UTCDay(dayNumber: Int(dayNumber))
        var shapes: [LoadShape] = []
        let rows = try await database.client.query(
            "SELECT category, period_values, flags, samples, totals FROM load_shape WHERE run_id = \(id)", logger: database.logger)
        for try await (category, values, flags, samples, totals) in rows.decode((String, String, String, String, String).self) {
            shapes.append(
                try LoadShapeRow(category: category, periodValues: values, flags: flags, samples: samples, totals: totals).shape(
                    day: runDay))
        }
        return LoadShapeRun(
            id: id, day: runDay, runNumber: Int(number), runAt: UTCInstant(secondsSinceEpoch: runAt), spDataVersion: version,
            minimumSample: Int(minimum), shapes: shapes.sorted { $0.category < $1.category })
    }

    public func dayTotals(in days: ClosedRange<UTCDay>, publishedBy: UTCInstant) async throws -> [LoadShapeCategory: [LoadShapeDayTotals]] {
        var totals: [LoadShapeCategory: [LoadShapeDayTotals]] = [:]
        let rows = try await database.client.query(
            """
            SELECT s.category, s.utc_day, s.period_values FROM load_shape AS s
            JOIN load_shape_run AS r ON r.id = s.run_id
            WHERE s.utc_day BETWEEN \(days.lowerBound.dayNumber) AND \(days.upperBound.dayNumber)
              AND r.run_number = (
                SELECT MAX(run_number) FROM load_shape_run WHERE utc_day = r.utc_day AND run_at <= \(publishedBy.secondsSinceEpoch))
            """, logger: database.logger)
        for try await (category, dayNumber, values) in rows.decode((String, Int32, String).self) {
            let stored = LoadShapeRow(category: category, periodValues: values, flags: "", samples: "", totals: "")
            totals[try LoadShapeCategory(text: category), default: []].append(
                LoadShapeDayTotals(day: UTCDay(dayNumber: Int(dayNumber)), values: try stored.values()))
        }
        return totals
    }
}
