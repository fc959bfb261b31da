import Foundation
import MHHSCore
import MHHSSettlement
import MHHSStorage
import MHHSTestSupport
import Testing

/// A shard that stops in the middle of a run: the run fails naming the shard, nothing of it is
/// stored, the previous run stays the latest; with the shard back, the same run succeeds.
/// Uses a cluster of its own (scripts/clickhouse on other ports), since it kills a server.
@Suite(
    "ClickHouse shard down",
    .enabled(if: ClickHouseTestDatabase.url != nil, Comment(rawValue: ClickHouseTestDatabase.missingMessage)))
struct ClickHouseShardDownTests {
    /// The SP-data store that stops shard 2 just before the VAS first asks for sums.
    struct StoppingShard: SPDataAggregating {
        let store: ClickHouseSPDataStore
        let stop: @Sendable () -> Void

        func append(_ segments: [SPSegmentBuilder], receivedAt: UTCInstant) async throws -> SPIngestReceipt {
            try await store.append(segments, receivedAt: receivedAt)
        }
        func segments(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegment] {
            try await store.segments(of: date, group: group, upToVersion: version)
        }
        func segmentRecords(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
            try await store.segmentRecords(of: date, group: group, upToVersion: version)
        }
        func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
            try await store.latestVersion(receivedAtOrBefore: instant)
        }
        func aggregate(_ request: SPDataAggregationRequest, date: SettlementDate, group: GSPGroup, upToVersion version: Int64)
            async throws -> PushedDownSPData
        {
            stop()
            return try await store.aggregate(request, date: date, group: group, upToVersion: version)
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/clickhouse").path

    /// Runs scripts/clickhouse with this test's own state folder and ports.
    static func cluster(_ command: String, state: URL) throws -> CLIRunner.Result {
        try CLIRunner.runTool(
            "/usr/bin/env",
            [
                "CLICKHOUSE_STATE=\(state.path)", "CLICKHOUSE_HTTP_PORT=28123", "CLICKHOUSE_TCP_PORT=29100",
                "CLICKHOUSE_INTERSERVER_PORT=29200", "bash", script, command,
            ])
    }

    @Test func aRunFailsCleanlyWhenAShardStops() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-ch-down-\(UUID().uuidString)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-ch-down-data-\(UUID().uuidString)")
        defer {
            _ = try? Self.cluster("stop", state: state)
            try? FileManager.default.removeItem(at: folder)
        }
        let started = try Self.cluster("start", state: state)
        try #require(started.status == 0, "\(started.stderr)")
        let location = try ClickHouseLocation(url: "clickhouse://127.0.0.1:28123,127.0.0.1:28124/mhhs_down")
        let database = try SQLiteDatabase(dataDirectory: folder)
        let store = try await ClickHouseSPDataStore.open(
            location, catalog: SQLiteSPIngestCatalog(database: database), locks: FileLocks(dataDirectory: folder))
        let settlement = SQLiteSettlementStore(database: database)
        func world(_ spData: any SPDataStore) -> SettlementWorld {
            SettlementWorld(
                register: SQLiteRegisterRepository(database: database), spData: spData, takes: settlement, runs: settlement,
                shapes: SQLiteLoadShapeStore(database: database), standingData: SQLiteStandingDataRepository(database: database))
        }
        let healthy = world(store)
        let scenario = "late-data-and-change-of-supplier"
        try await healthy.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
        _ = try await healthy.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
        try await healthy.takes(SettlementWorld.fixture(scenario, "takes.csv"), recordedAt: "2026-11-12T00:00:00+00:00")
        let sf = try await healthy.settle("2026-11-10", .initialSettlement, at: "2026-11-19T00:00:00+00:00")

        let pids = try String(contentsOf: state.appendingPathComponent("pids"), encoding: .utf8).split(separator: "\n")
        let shard2 = try #require(pids.count == 2 ? Int32(pids[1]) : nil)
        let stopping = world(StoppingShard(store: store) { kill(shard2, SIGKILL) })
        var failure: (any Error)?
        do {
            _ = try await stopping.settle("2026-11-10", .firstReconciliation, at: "2026-12-01T00:00:00+00:00")
        } catch {
            failure = error
        }
        let message = "\(try #require(failure))"
        #expect(message.contains("127.0.0.1:28124") && message.contains("ClickHouse shard"), "\(message)")
        let date = try SettlementDate("2026-11-10")
        #expect(try await settlement.latest(on: date)?.id == sf.manifest.id, "the SF stays the latest")
        #expect(try await settlement.runs(on: date).map(\.id) == [sf.manifest.id], "nothing of the failed run was stored")

        // The shard back on its data: the same run now succeeds.
        let restarted = try Self.cluster("start", state: state)
        try #require(restarted.status == 0, "\(restarted.stderr)")
        let r1 = try await healthy.settle("2026-11-10", .firstReconciliation, at: "2026-12-01T00:00:00+00:00")
        #expect(r1.manifest.id == "2026-11-10-R1-1")
    }
}
