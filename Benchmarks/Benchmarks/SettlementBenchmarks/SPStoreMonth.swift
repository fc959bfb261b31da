import Foundation
import MHHSCore
import MHHSRegistration
import MHHSSettlement
import MHHSSimulator
import MHHSStandingData
import MHHSStorage

/// A month of SP data, `MHHS_BENCH_MONTH_MPANS` metering points (default 1 M) × `MHHS_BENCH_DAYS`
/// days (default 30) from 2026-11-01, in the embedded store and on the ClickHouse cluster
/// `CLICKHOUSE_URL` names, for comparing the two: ingest, stored bytes per value, and one
/// day's VAS (segments read and summed in Swift, or summed on the shards).
final class SPStoreMonth: Sendable {
    enum Store: String, Sendable { case embedded, clickHouse }

    static let first = try! SettlementDate("2026-11-01")
    let market: SyntheticMarket
    let days: Int
    let folder: URL
    let location: ClickHouseLocation?
    let snapshots: [GSPGroup: RegisterSnapshot]
    /// The day the VAS benchmark settles: the 16th, or the last day of a shorter month.
    let settled: SettlementDate

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["MHHS_BENCH_MONTH_MPANS"] ?? "") ?? 1_000_000
        let days = Int(environment["MHHS_BENCH_DAYS"] ?? "") ?? 30
        self.days = days
        market = SyntheticMarket(meteringPoints: count)
        folder = URL(fileURLWithPath: environment["MHHS_BENCH_DIR"] ?? "/tmp/mhhs-bench-month-\(count)x\(days)")
        location = try environment["CLICKHOUSE_URL"].map { try ClickHouseLocation(url: $0).with(database: "mhhs_bench_\(count)x\(days)") }
        let settled = SettlementDate(dayNumber: Self.first.dayNumber + min(15, days - 1))
        self.settled = settled
        let knownAt = UTCInstant(utcMidnightOfDay: settled.dayNumber + 10)
        var snapshots: [GSPGroup: RegisterSnapshot] = [:]
        for group in GSPGroup.allCases { snapshots[group] = market.snapshot(of: group, on: settled, asKnownAt: knownAt) }
        self.snapshots = snapshots
    }

    /// The store, fresh (`wipe`) or as left by an earlier ingest.
    func open(_ store: Store, wipe: Bool = false) async throws -> any SPDataStore {
        let directory = folder.appendingPathComponent(store.rawValue)
        if wipe {
            try? FileManager.default.removeItem(at: directory)
            if store == .clickHouse, let location {
                let client = ClickHouseClient(location: location)
                for host in location.hosts.indices {
                    try await client.execute("DROP DATABASE IF EXISTS \(location.database)", host: host, database: "default")
                }
            }
        }
        let database = try SQLiteDatabase(dataDirectory: directory)
        switch store {
        case .embedded: return try FileSPDataStore(database: database, dataDirectory: directory)
        case .clickHouse:
            guard let location else { throw BenchmarkSetupError("set CLICKHOUSE_URL (eval \"$(scripts/clickhouse start)\")") }
            return try await ClickHouseSPDataStore.open(
                location, catalog: SQLiteSPIngestCatalog(database: database), locks: FileLocks(dataDirectory: directory))
        }
    }

    /// Ingests the month, a day at a time (one ingest of 14 segments a day, as a bulk load);
    /// returns the values stored and the seconds spent in the store's `append` alone.
    func ingest(into store: any SPDataStore) async throws -> (values: Int, seconds: Double) {
        var values = 0
        var seconds = 0.0
        for offset in 0..<days {
            let date = SettlementDate(dayNumber: Self.first.dayNumber + offset)
            let builders = GSPGroup.allCases.map { market.segment(of: $0, on: date) }
            values += builders.reduce(0) { $0 + $1.rowCount * date.periodCount }
            let started = ContinuousClock.now
            _ = try await store.append(builders, receivedAt: UTCInstant(utcMidnightOfDay: date.dayNumber + 1))
            seconds += (ContinuousClock.now - started).seconds
        }
        return (values, seconds)
    }

    /// Ingests the month unless the store already holds it.
    func ensureIngested(_ store: Store) async throws -> any SPDataStore {
        let opened = try await open(store)
        if try await opened.latestVersion(receivedAtOrBefore: UTCInstant(utcMidnightOfDay: Self.first.dayNumber + days + 1)) < days {
            let fresh = try await open(store, wipe: true)
            _ = try await ingest(into: fresh)
            return fresh
        }
        return opened
    }

    /// Bytes the store keeps for the month's values: the embedded store's segment files; the
    /// compressed column data of every active part on every shard.
    func storedBytes(_ store: Store) async throws -> Int {
        switch store {
        case .embedded:
            var total = 0
            let enumerator = FileManager.default.enumerator(
                at: folder.appendingPathComponent(store.rawValue), includingPropertiesForKeys: [.fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "seg" { total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
            }
            return total
        case .clickHouse:
            guard let location else { return 0 }
            let client = ClickHouseClient(location: location)
            var total = 0
            for host in location.hosts.indices {
                let bytes = try await client.execute(
                    """
                    SELECT toString(sum(data_compressed_bytes)) FROM system.parts
                    WHERE database = '\(location.database)' AND table = 'sp_row_local' AND active FORMAT TabSeparated
                    """, host: host)
                total += Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            }
            return total
        }
    }

    /// One day's VAS over every group, two at a time: segments summed in Swift, or (ClickHouse)
    /// sums made on the shards. Returns the values the VAS read.
    func settleDay(_ store: any SPDataStore) async throws -> Int {
        let version = try await store.latestVersion(receivedAtOrBefore: UTCInstant(utcMidnightOfDay: settled.dayNumber + 10))
        let settler = GroupSettler(configuration: VASConfiguration()) { _, _, _ in nil }
        return try await withThrowingTaskGroup(of: Int.self) { tasks in
            var pending = GSPGroup.allCases[...]
            func settle(_ group: GSPGroup) async throws -> Int {
                let snapshot = snapshots[group]!
                let result: GroupSettlement
                if let aggregating = store as? any SPDataAggregating {
                    result = try await settler.settle(snapshot: snapshot, segments: [], cutoffVersion: version, takes: []) { request in
                        try await aggregating.aggregate(request, date: self.settled, group: group, upToVersion: version)
                    }.0
                } else {
                    let segments = try await store.segments(of: settled, group: group, upToVersion: version)
                    result = try await settler.settle(snapshot: snapshot, segments: segments, cutoffVersion: version, takes: []).0
                }
                return result.statistics.valuesRead
            }
            for _ in 0..<2 {
                let group = pending.removeFirst()
                tasks.addTask { try await settle(group) }
            }
            var values = 0
            while let read = try await tasks.next() {
                values += read
                if let group = pending.popFirst() { tasks.addTask { try await settle(group) } }
            }
            return values
        }
    }
}

struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
