import Foundation
import MHHSCore
import MHHSSettlement
import PostgresNIO

/// Group takes and settlement runs on PostgreSQL (the same tables as the embedded store's).
public struct PostgresSettlementStore: GroupTakeRepository, SettlementRunRepository {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func recordTakes(_ takes: [GroupTake], recordedAt: UTCInstant) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            for take in takes {
                try await connection.query(
                    """
                    INSERT INTO gsp_group_take (settlement_date, gsp_group, sp, direction, recorded_at, wh)
                    VALUES (\(take.settlementDate.dayNumber), \(take.gspGroup.rawValue), \(take.period.value), \(take.direction.rawValue),
                            \(recordedAt.secondsSinceEpoch), \(take.wattHours))
                    ON CONFLICT (settlement_date, gsp_group, sp, direction, recorded_at) DO UPDATE SET wh = excluded.wh
                    """, logger: logger)
            }
        }
    }

    public func takes(on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> [GroupTake] {
        var takes: [GroupTake] = []
        let rows = try await database.client.query(
            """
            SELECT DISTINCT ON (gsp_group, sp, direction) gsp_group, sp, direction, wh FROM gsp_group_take
            WHERE settlement_date = \(date.dayNumber) AND recorded_at <= \(instant.secondsSinceEpoch)
            ORDER BY gsp_group, sp, direction, recorded_at DESC
            """, logger: database.logger)
        for try await (group, period, direction, wattHours) in rows.decode((String, Int32, String, Int64).self) {
            takes.append(
                GroupTake(
                    settlementDate: date, gspGroup: GSPGroup(rawValue: group)!, period: try SettlementPeriod(Int(period)),
                    direction: EnergyDirection(rawValue: direction)!, wattHours: wattHours))
        }
        return takes
    }

    public func save(_ run: StoredSettlementRun) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query(
                """
                INSERT INTO settlement_run (id, settlement_date, run_type, created_at, manifest)
                VALUES (\(run.manifest.id), \(run.manifest.settlementDate.dayNumber), \(run.manifest.runType.rawValue),
                        \(run.manifest.runAt.secondsSinceEpoch), \(ByteBuffer(bytes: run.manifest.json)))
                """, logger: logger)
            for (name, content) in run.files.sorted(by: { $0.key < $1.key }) {
                try await connection.query(
                    "INSERT INTO settlement_run_file (run_id, name, content) VALUES (\(run.manifest.id), \(name), \(ByteBuffer(bytes: content)))",
                    logger: logger)
            }
        }
    }

    public func runs(on date: SettlementDate?) async throws -> [RunManifest] {
        let query: PostgresQuery =
            date.map { "SELECT manifest FROM settlement_run WHERE settlement_date = \($0.dayNumber) ORDER BY seq" }
            ?? "SELECT manifest FROM settlement_run ORDER BY settlement_date, seq"
        var manifests: [RunManifest] = []
        for try await manifest in try await database.client.query(query, logger: database.logger).decode(ByteBuffer.self) {
            manifests.append(try RunManifest(json: Array(manifest.readableBytesView)))
        }
        return manifests
    }

    public func file(named name: String, ofRun id: String) async throws -> [UInt8]? {
        for try await content in try await database.client.query(
            "SELECT content FROM settlement_run_file WHERE run_id = \(id) AND name = \(name)", logger: database.logger
        ).decode(ByteBuffer.self) {
            return Array(content.readableBytesView)
        }
        return nil
    }
}
