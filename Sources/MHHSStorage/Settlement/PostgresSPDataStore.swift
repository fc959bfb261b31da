import Foundation
import Logging
import MHHSCore
import MHHSSettlement
import PostgresNIO

/// The SP-data store on PostgreSQL: each segment (the same layout as the embedded store's
/// files) is one `bytea` row of `sp_segment`, partitioned by settlement month, so several
/// server instances share the data. An append is one transaction that takes the next version
/// under a table lock, so versions are handed out in commit order and a run's cut-off is
/// consistent across instances.
public struct PostgresSPDataStore: SPDataStore {
    let database: PostgresStore

    public init(database: PostgresStore) { self.database = database }

    public func append(_ segments: [SPSegmentBuilder], receivedAt requested: UTCInstant) async throws -> SPIngestReceipt {
        let logger = database.logger
        let months = Set(segments.map { Self.month(of: $0.settlementDate) })
        return try await database.transaction { connection in
            try await connection.query("LOCK TABLE sp_ingest IN EXCLUSIVE MODE", logger: logger)
            var version: Int64 = 1
            for try await latest in try await connection.query("SELECT COALESCE(MAX(version), 0) + 1 FROM sp_ingest", logger: logger)
                .decode(Int64.self)
            {
                version = latest
            }
            // Versions and receipt times rise together (see FileSPDataStore).
            var receivedAt = requested
            for try await latest in try await connection.query("SELECT MAX(received_at) FROM sp_ingest", logger: logger)
                .decode(Int64?.self)
            {
                if let latest, latest > receivedAt.secondsSinceEpoch { receivedAt = UTCInstant(secondsSinceEpoch: latest) }
            }
            try await connection.query(
                "INSERT INTO sp_ingest (version, received_at) VALUES (\(version), \(receivedAt.secondsSinceEpoch))", logger: logger)
            for month in months.sorted() {
                let name = "sp_segment_\(month.name)"
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "CREATE TABLE IF NOT EXISTS \(name) PARTITION OF sp_segment FOR VALUES FROM (\(month.first)) TO (\(month.end))"),
                    logger: logger)
            }
            var records: [SPSegmentRecord] = []
            for builder in segments where !builder.isEmpty {
                let bytes = builder.bytes(stampingVersion: version)
                let digest = Array(bytes.suffix(SPSegmentLayout.trailerSize)).hexString
                try await connection.query(
                    """
                    INSERT INTO sp_segment (settlement_date, gsp_group, version, rows, received_at, sha256, content)
                    VALUES (\(builder.settlementDate.dayNumber), \(builder.gspGroup.rawValue), \(version), \(builder.rowCount),
                            \(receivedAt.secondsSinceEpoch), \(digest), \(ByteBuffer(bytes: bytes)))
                    """, logger: logger)
                records.append(
                    SPSegmentRecord(
                        settlementDate: builder.settlementDate, gspGroup: builder.gspGroup, version: version, rows: builder.rowCount,
                        receivedAt: receivedAt, sha256: digest))
            }
            return SPIngestReceipt(version: version, receivedAt: receivedAt, segments: records)
        }
    }

    public func segmentRecords(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
        try await Self.records(in: "sp_segment", of: date, group: group, upToVersion: version, database: database)
    }

    /// The segment records of `table` (this store's, or the ClickHouse catalog's, which has the
    /// same columns) for a date and group at or below `version`, oldest first.
    static func records(
        in table: String, of date: SettlementDate, group: GSPGroup, upToVersion version: Int64, database: PostgresStore
    ) async throws -> [SPSegmentRecord] {
        var records: [SPSegmentRecord] = []
        let rows = try await database.client.query(
            """
            SELECT version, rows, received_at, sha256 FROM \(unescaped: table)
            WHERE settlement_date = \(date.dayNumber) AND gsp_group = \(group.rawValue) AND version <= \(version) ORDER BY version
            """, logger: database.logger)
        for try await (segmentVersion, count, received, digest) in rows.decode((Int64, Int32, Int64, String).self) {
            records.append(
                SPSegmentRecord(
                    settlementDate: date, gspGroup: group, version: segmentVersion, rows: Int(count),
                    receivedAt: UTCInstant(secondsSinceEpoch: received), sha256: digest))
        }
        return records
    }

    public func segments(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegment] {
        var segments: [SPSegment] = []
        let rows = try await database.client.query(
            """
            SELECT version, content FROM sp_segment
            WHERE settlement_date = \(date.dayNumber) AND gsp_group = \(group.rawValue) AND version <= \(version) ORDER BY version
            """, logger: database.logger)
        for try await (segmentVersion, content) in rows.decode((Int64, ByteBuffer).self) {
            segments.append(
                try SPSegment(bytes: Array(content.readableBytesView), name: "sp_segment \(date) \(group.rawValue) v\(segmentVersion)"))
        }
        return segments
    }

    public func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
        var latest: Int64 = 0
        for try await version in try await database.client.query(
            "SELECT COALESCE(MAX(version), 0) FROM sp_ingest WHERE received_at <= \(instant.secondsSinceEpoch)", logger: database.logger
        ).decode(Int64.self) {
            latest = version
        }
        return latest
    }

    /// The settlement month a date's partition covers: `yyyymm` and its day-number bounds.
    static func month(of date: SettlementDate) -> Month {
        let (year, month, _) = date.components
        let first = try! SettlementDate(year: year, month: month, day: 1)
        return Month(name: String(year * 100 + month), first: first.dayNumber, end: first.adding(months: 1).dayNumber)
    }

    struct Month: Hashable, Comparable {
        let name: String
        let first: Int
        let end: Int
        static func < (lhs: Month, rhs: Month) -> Bool { lhs.first < rhs.first }
    }
}
