import MHHSCore
import MHHSSettlement

extension ClickHouseSPDataStore {
    /// The VAS's sums made on the shard that holds the group: the points go with the query as an
    /// external table; each (MPAN, MQ) is resolved per period to the value of the highest
    /// (version, row) at or below the cut-off that carries it — the embedded store's rule — and
    /// summed per key and kind. Only the sums and the incomplete points come back.
    public func aggregate(
        _ request: SPDataAggregationRequest, date: SettlementDate, group: GSPGroup, upToVersion version: Int64
    ) async throws -> PushedDownSPData {
        let periods = request.periodCount
        var result = PushedDownSPData(wattHours: [Int64](repeating: 0, count: request.keyCount * 2 * periods), incomplete: [])
        let (filter, records) = try await rowFilter(date: date, group: group, upToVersion: version)
        guard !records.isEmpty else {
            // No data committed for the group: every point is defaulted.
            result.incomplete = request.points.map { ($0, 0) }
            return result
        }
        let shard = try await shard(holding: records, filter: filter, date: date, group: group)
        guard !request.points.isEmpty else { return result }
        let points = ClickHouseClient.ExternalTable(
            name: "points", structure: "mpan UInt64, mq UInt8, key UInt32, point UInt32", rows: Self.pointRows(request))
        let sums = try await client.execute(Self.sumsQuery(filter: filter, periods: periods), host: shard, external: [points])
        var reader = RowBinaryReader(sums)
        while !reader.isAtEnd {
            let key = Int(try reader.read(UInt32.self))
            let kind = Int(try reader.read(UInt8.self))
            let values = try reader.readArray(Int64.self)
            guard key < request.keyCount, kind < 2, values.count == periods else {
                throw ClickHouseError.malformed("a sum for key \(key), kind \(kind) of \(values.count) periods")
            }
            let base = (key * 2 + kind) * periods
            for period in 0..<periods { result.wattHours[base + period] += values[period] }
        }
        let full = (UInt64(1) << UInt64(periods)) - 1
        let incomplete = try await client.execute(
            """
            SELECT toUInt32(point), toUInt64(m) FROM points ALL LEFT JOIN (
                SELECT mpan, mq, groupBitOr(present) AS m FROM sp_row_local WHERE \(filter) GROUP BY mpan, mq
            ) USING (mpan, mq) WHERE m != \(full) FORMAT RowBinary
            """, host: shard, external: [points])
        reader = RowBinaryReader(incomplete)
        while !reader.isAtEnd {
            result.incomplete.append((Int32(try reader.read(UInt32.self)), try reader.read(UInt64.self)))
        }
        return result
    }

    /// Rows of (key, kind 0 actual / 1 estimated, Wh per period), several per key and kind, to
    /// be added up. Three kinds of (MPAN, MQ), so the common one costs least:
    /// - one row, all actual (a bulk load, a day never resubmitted): its values summed as they are
    ///   (absent periods hold 0);
    /// - one row with estimates: split by its estimated bits;
    /// - several rows: resolved per period to the highest (version, row) carrying it
    ///   (`argMaxForEach` over keys that are 0 where a row lacks the period), then split.
    /// Lambdas take every value as an argument (`replicate`): ClickHouse 18.16 loses columns a
    /// lambda captures.
    static func sumsQuery(filter: String, periods: Int) -> String {
        let range = "range(\(periods))"
        let several = "SELECT mpan, mq FROM sp_row_local WHERE \(filter) GROUP BY mpan, mq HAVING count() > 1"
        let bits = { (mask: String) in "arrayMap((x, i) -> toUInt8(bitTest(x, i)), replicate(\(mask), \(range)), \(range))" }
        let mixed = """
            SELECT mpan, mq, present AS m, \(bits("estimated")) AS eb, values AS v
            FROM sp_row_local WHERE \(filter) AND estimated != 0 AND (mpan, mq) NOT IN (\(several))
            UNION ALL
            SELECT mpan, mq, groupBitOr(present) AS m, argMaxForEach(eb, k) AS eb, argMaxForEach(values, k) AS v
            FROM (
                SELECT mpan, mq, present, values, \(bits("estimated")) AS eb,
                       arrayMap((x, key, i) -> if(bitTest(x, i), key, 0), replicate(present, \(range)),
                                replicate(version * 4294967296 + row + 1, \(range)), \(range)) AS k
                FROM sp_row_local WHERE \(filter) AND (mpan, mq) IN (\(several))
            )
            GROUP BY mpan, mq
            """
        let split = { (kind: Int) in
            """
            SELECT toUInt32(key) AS key, toUInt8(\(kind)) AS kind,
                   sumForEach(arrayMap((x, ee, vv, i) -> if(bitTest(x, i) AND ee = \(kind), toInt64(vv), toInt64(0)),
                                       replicate(m, \(range)), eb, v, \(range))) AS sums
            FROM (\(mixed)) ALL INNER JOIN points USING (mpan, mq) GROUP BY key
            """
        }
        return """
            SELECT toUInt32(key) AS key, toUInt8(0) AS kind, sumForEach(values) AS sums
            FROM (SELECT mpan, mq, values FROM sp_row_local WHERE \(filter) AND estimated = 0 AND (mpan, mq) NOT IN (\(several)))
            ALL INNER JOIN points USING (mpan, mq) GROUP BY key
            UNION ALL
            \(split(0))
            UNION ALL
            \(split(1))
            FORMAT RowBinary
            """
    }

    /// The one shard holding the rows of `records` (the catalog's committed segments of a date
    /// and group), after checking that it holds all of them: every shard is asked (one that
    /// does not answer fails the run, naming it, rather than being taken as empty), and a row
    /// count that differs from the catalog's (a shard recreated empty, a part lost) fails it too.
    func shard(holding records: [SPSegmentRecord], filter: String, date: SettlementDate, group: GSPGroup) async throws -> Int {
        let counts = try await withThrowingTaskGroup(of: (Int, [Int64: Int]).self) { tasks in
            for host in client.location.hosts.indices {
                tasks.addTask {
                    let bytes = try await client.execute(
                        "SELECT version, count() FROM sp_row_local WHERE \(filter) GROUP BY version FORMAT RowBinary", host: host)
                    var reader = RowBinaryReader(bytes)
                    var counts: [Int64: Int] = [:]
                    while !reader.isAtEnd { counts[Int64(try reader.read(UInt64.self))] = Int(try reader.read(UInt64.self)) }
                    return (host, counts)
                }
            }
            var all: [(Int, [Int64: Int])] = []
            for try await answer in tasks { all.append(answer) }
            return all.sorted { $0.0 < $1.0 }
        }
        let holders = counts.filter { !$0.1.isEmpty }.map(\.0)
        guard holders.count == 1, let shard = holders.first else {
            throw ClickHouseError.inconsistent(
                holders.isEmpty
                    ? "no shard holds \(date) \(group.rawValue)'s committed rows (\(records.map(\.rows).reduce(0, +)) rows in the catalog)"
                    : "\(date) \(group.rawValue)'s rows are on \(holders.count) shards (\(holders.map { client.location.hosts[$0] })): "
                        + "the Distributed table must shard by GSP group so that a group's rows are on one shard")
        }
        let held = counts.first { $0.0 == shard }!.1
        for record in records where held[record.version] != record.rows {
            throw ClickHouseError.inconsistent(
                "the shard at \(client.location.hosts[shard]) holds \(held[record.version] ?? 0) rows of \(date) \(group.rawValue) "
                    + "version \(record.version); the catalog committed \(record.rows)")
        }
        return shard
    }

    static func pointRows(_ request: SPDataAggregationRequest) -> [UInt8] {
        var writer = RowBinaryWriter(reservingCapacity: request.points.count * 17)
        for index in request.points.indices {
            writer.append(UInt64(request.mpans[index]))
            writer.append(request.quantityIndices[index])
            writer.append(UInt32(request.keys[index]))
            writer.append(UInt32(request.points[index]))
        }
        return writer.bytes
    }
}
