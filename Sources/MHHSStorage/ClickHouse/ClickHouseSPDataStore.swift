import MHHSCore
import MHHSSettlement

/// The SP-data store on a ClickHouse cluster: one row per segment row (settlement date, GSP
/// group, MPAN, MQ, version, the day's values as an array), in a MergeTree table on every
/// shard behind a Distributed table sharded by GSP group. Versions and segment records are in
/// the central system's database (``SPIngestCatalog``); ClickHouse holds only values, and a
/// value whose version the catalog never committed is never read. The VAS's sums are made on
/// the shards (``aggregate(_:date:group:upToVersion:)``).
public struct ClickHouseSPDataStore: SPDataAggregating {
    public let client: ClickHouseClient
    let catalog: any SPIngestCatalog
    let locks: any ExclusiveLocks
    /// RowBinary bytes sent per insert request.
    let insertBatchBytes: Int
    /// How long an ingest waits for another one to finish.
    var ingestWaitSeconds: Double = 600

    /// Creates the tables on every host when missing (ClickHouse without ZooKeeper has no
    /// `ON CLUSTER`), then the store.
    public static func open(
        _ location: ClickHouseLocation, catalog: any SPIngestCatalog, locks: any ExclusiveLocks, insertBatchBytes: Int = 64 << 20
    ) async throws -> ClickHouseSPDataStore {
        let client = ClickHouseClient(location: location)
        for host in location.hosts.indices {
            for statement in ClickHouseSchema.statements(location) {
                try await client.execute(statement, host: host, database: "default")
            }
        }
        return ClickHouseSPDataStore(client: client, catalog: catalog, locks: locks, insertBatchBytes: insertBatchBytes)
    }

    public func append(_ segments: [SPSegmentBuilder], receivedAt requested: UTCInstant) async throws -> SPIngestReceipt {
        // One ingest at a time across instances, so versions commit in the order they are
        // given; a second one waits its turn (up to `ingestWaitSeconds`), as on the other stores.
        try await Self.waiting(for: "sp-ingest", in: locks, upTo: ingestWaitSeconds) {
            let (version, receivedAt) = try await catalog.reserve(receivedAt: requested)
            var records: [SPSegmentRecord] = []
            var writer = RowBinaryWriter(reservingCapacity: min(insertBatchBytes, 1 << 24) + 4096)
            for builder in segments where !builder.isEmpty {
                let bytes = builder.bytes(stampingVersion: version)
                let segment = try SPSegment(bytes: bytes, name: "ingest \(version)")
                for row in 0..<segment.rowCount {
                    Self.appendRow(row, of: segment, to: &writer)
                    if writer.bytes.count >= insertBatchBytes {
                        try await insert(writer.bytes)
                        writer = RowBinaryWriter(reservingCapacity: min(insertBatchBytes, 1 << 24) + 4096)
                    }
                }
                records.append(
                    SPSegmentRecord(
                        settlementDate: builder.settlementDate, gspGroup: builder.gspGroup, version: version, rows: builder.rowCount,
                        receivedAt: receivedAt, sha256: Array(bytes.suffix(SPSegmentLayout.trailerSize)).hexString))
            }
            if !writer.bytes.isEmpty { try await insert(writer.bytes) }
            // Only now does the version exist for readers; a failure above leaves it abandoned.
            try await catalog.commit(version: version, records: records)
            return SPIngestReceipt(version: version, receivedAt: receivedAt, segments: records)
        }
    }

    /// Runs `body` under the lock `name`, retrying while another holder has it (backing off
    /// from 20 ms to 1 s) for at most `seconds`; then `LockHeld`.
    static func waiting<Result: Sendable>(
        for name: String, in locks: any ExclusiveLocks, upTo seconds: Double, _ body: () async throws -> Result
    ) async throws -> Result {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
        var pause = Duration.milliseconds(20)
        while true {
            do {
                return try await locks.withLock(name, body)
            } catch let held as LockHeld where held.name == name && ContinuousClock.now < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(1))
            }
        }
    }

    /// Through the Distributed table, synchronously: when the request returns, every shard has
    /// its rows (or the request failed, naming the shard).
    private func insert(_ rows: [UInt8]) async throws {
        try await client.execute("INSERT INTO sp_row FORMAT RowBinary", body: rows, settings: ["insert_distributed_sync": "1"])
    }

    static func appendRow(_ row: Int, of segment: SPSegment, to writer: inout RowBinaryWriter) {
        let periods = segment.periodCount
        writer.append(UInt16(segment.settlementDate.dayNumber))
        writer.append(UInt8(segment.gspGroup.index))
        writer.append(UInt64(segment.mpans[row]))
        writer.append(segment.quantities[row])
        writer.append(UInt64(segment.versions[row]))
        writer.append(UInt32(row))
        writer.append(segment.present[row])
        writer.append(segment.estimated[row])
        writer.appendArray(UnsafeBufferPointer(rebasing: segment.values[(row * periods)..<((row + 1) * periods)]))
        writer.appendArray(UnsafeBufferPointer(rebasing: segment.quality[(row * periods)..<((row + 1) * periods)]))
    }

    public func segmentRecords(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
        try await catalog.records(of: date, group: group, upToVersion: version)
    }

    public func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
        try await catalog.latestVersion(receivedAtOrBefore: instant)
    }

    /// The stored segments rebuilt from their rows, each checked against the digest the
    /// catalog committed (the same bytes as written, or an error naming the segment).
    public func segments(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegment] {
        let (filter, records) = try await rowFilter(date: date, group: group, upToVersion: version)
        guard !records.isEmpty else { return [] }
        let bytes = try await client.execute(
            "SELECT mpan, mq, version, values, quality FROM sp_row WHERE \(filter) ORDER BY version, row FORMAT RowBinary")
        var reader = RowBinaryReader(bytes)
        var builders: [(Int64, SPSegmentBuilder)] = []
        while !reader.isAtEnd {
            let mpan = try reader.read(UInt64.self)
            let quantity = try reader.read(UInt8.self)
            let rowVersion = Int64(try reader.read(UInt64.self))
            let values = try reader.readArray(Int32.self)
            let quality = try reader.readArray(UInt8.self)
            guard values.count == date.periodCount, quality.count == date.periodCount else {
                throw ClickHouseError.malformed("a row of \(date) \(group.rawValue) has \(values.count) periods, not \(date.periodCount)")
            }
            if builders.last?.0 != rowVersion { builders.append((rowVersion, SPSegmentBuilder(settlementDate: date, gspGroup: group))) }
            values.withUnsafeBufferPointer { values in
                quality.withUnsafeBufferPointer { quality in
                    builders[builders.count - 1].1.addRow(
                        mpan: Int64(mpan), quantityIndex: quantity, version: rowVersion, values: values, quality: quality)
                }
            }
        }
        let rebuilt = Dictionary(uniqueKeysWithValues: builders.map { ($0.0, $0.1.bytes()) })
        return try records.map { record in
            guard let segment = rebuilt[record.version], Array(segment.suffix(SPSegmentLayout.trailerSize)).hexString == record.sha256
            else {
                throw ClickHouseError.inconsistent(
                    "\(date) \(group.rawValue) version \(record.version) read back from ClickHouse does not match the segment committed "
                        + "(\(record.rows) rows, SHA-256 \(record.sha256.prefix(12))…)")
            }
            return try SPSegment(bytes: segment, name: "clickhouse \(date) \(group.rawValue) v\(record.version)")
        }
    }

    /// The rows of a date and group a reader at `version` may see: those of the versions the
    /// catalog committed for them (an abandoned or in-flight version's rows are never read),
    /// with the catalog's records to check them against.
    func rowFilter(date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> (String, [SPSegmentRecord]) {
        let records = try await catalog.records(of: date, group: group, upToVersion: version)
        let versions = records.map { String($0.version) }.joined(separator: ",")
        return (
            "settlement_date = toDate('\(date)') AND gsp_group = \(group.index) AND version IN (\(versions.isEmpty ? "0" : versions))",
            records
        )
    }
}

/// The ClickHouse tables: `sp_row_local` on each shard, `sp_row` over them all.
enum ClickHouseSchema {
    static func statements(_ location: ClickHouseLocation) -> [String] {
        let database = location.database
        return [
            "CREATE DATABASE IF NOT EXISTS \(database)",
            """
            CREATE TABLE IF NOT EXISTS \(database).sp_row_local (
                settlement_date Date, gsp_group UInt8, mpan UInt64, mq UInt8, version UInt64, row UInt32,
                present UInt64, estimated UInt64, values Array(Int32), quality Array(UInt8)
            ) ENGINE = MergeTree() PARTITION BY toYYYYMM(settlement_date)
            ORDER BY (settlement_date, gsp_group, mpan, mq, version, row)
            """,
            """
            CREATE TABLE IF NOT EXISTS \(database).sp_row AS \(database).sp_row_local
            ENGINE = Distributed(\(location.cluster), \(database), sp_row_local, gsp_group)
            """,
        ]
    }
}
