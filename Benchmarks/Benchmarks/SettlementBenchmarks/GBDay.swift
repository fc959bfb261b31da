import Foundation
import MHHSCore
import MHHSRegistration
import MHHSSettlement
import MHHSSimulator
import MHHSStandingData
import MHHSStorage

/// A synthetic settlement day at `MHHS_BENCH_MPANS` metering points (default 30.4 M, full GB)
/// in a real embedded store under `MHHS_BENCH_DIR` (default `/tmp/mhhs-bench-gb-<count>`):
/// one segment per GSP group written through ``FileSPDataStore``, generated on first use and
/// reused after. The register snapshots are rebuilt in memory from the same seed (reading a
/// 30 M register from SQLite is the registration benchmark's business, not the VAS's).
///
/// It also writes, per group, `duckdb/<group>.keys`: the Int32 aggregation key of each segment
/// row, so `Benchmarks/scripts/duckdb-vas.py` can run the same aggregation in DuckDB.
final class GBDay: Sendable {
    static let date = try! SettlementDate("2026-11-02")
    let market: SyntheticMarket
    let folder: URL
    let store: FileSPDataStore
    let snapshots: [GSPGroup: RegisterSnapshot]
    let version: Int64

    init() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["MHHS_BENCH_MPANS"] ?? "") ?? 30_400_000
        market = SyntheticMarket(meteringPoints: count)
        folder = URL(fileURLWithPath: environment["MHHS_BENCH_DIR"] ?? "/tmp/mhhs-bench-gb-\(count)")
        let database = try SQLiteDatabase(dataDirectory: folder)
        store = try FileSPDataStore(database: database, dataDirectory: folder)
        let knownAt = UTCInstant(utcMidnightOfDay: Self.date.dayNumber + 10)
        var snapshots: [GSPGroup: RegisterSnapshot] = [:]
        for group in GSPGroup.allCases { snapshots[group] = market.snapshot(of: group, on: Self.date, asKnownAt: knownAt) }
        self.snapshots = snapshots
        var version = try await store.latestVersion(receivedAtOrBefore: knownAt)
        if version < Int64(GSPGroup.allCases.count) {
            let started = ContinuousClock.now
            for group in GSPGroup.allCases {
                let builder = market.segment(of: group, on: Self.date)
                let receipt = try await store.append([builder], receivedAt: UTCInstant(utcMidnightOfDay: Self.date.dayNumber + 1))
                version = receipt.version
                try Self.writeKeys(
                    snapshot: snapshots[group]!, segment: try await store.segments(of: Self.date, group: group, upToVersion: version).last!,
                    to: folder)
            }
            print("generated \(count) metering points in \(ContinuousClock.now - started) under \(folder.path)")
        }
        self.version = version
    }

    /// The VAS for every group, two at a time, as a run does minus the register read.
    func settleAll() async throws -> [GroupSettlement] {
        let settler = GroupSettler(configuration: VASConfiguration()) { _, _, date in
            LLFDay(
                distributor: try MPID("SOUT"), llfClass: "001", date: date,
                factors: Array(repeating: LineLossFactor(text: "1.043")!, count: date.periodCount))
        }
        return try await withThrowingTaskGroup(of: GroupSettlement.self) { tasks in
            var pending = GSPGroup.allCases[...]
            var results: [GroupSettlement] = []
            for _ in 0..<2 {
                let group = pending.removeFirst()
                tasks.addTask { try await self.settle(group, settler) }
            }
            while let result = try await tasks.next() {
                results.append(result)
                if let group = pending.popFirst() { tasks.addTask { try await self.settle(group, settler) } }
            }
            return results
        }
    }

    private func settle(_ group: GSPGroup, _ settler: GroupSettler) async throws -> GroupSettlement {
        let segments = try await store.segments(of: Self.date, group: group, upToVersion: version)
        return try await settler.settle(snapshot: snapshots[group]!, segments: segments, cutoffVersion: version, takes: []).0
    }

    /// The LSS for the day (a GMT day, so the UTC day is the settlement date): every group's
    /// actual data sampled, two groups at a time, then the shapes with their fallbacks.
    func loadShapes() async throws -> [LoadShape] {
        let day = UTCDay(sameCalendarDateAs: Self.date)
        let configuration = LSSConfiguration()
        let samples = try await withThrowingTaskGroup(of: LoadShapeSample.self) { tasks in
            var pending = GSPGroup.allCases[...]
            var samples: [LoadShapeSample] = []
            func sample(_ group: GSPGroup) async throws -> LoadShapeSample {
                var sample = LoadShapeSample(gspGroup: group, day: day)
                let segments = try await store.segments(of: Self.date, group: group, upToVersion: version)
                sample.add(snapshot: snapshots[group]!, segments: segments, cutoff: version, configuration: configuration)
                return sample
            }
            for _ in 0..<2 {
                let group = pending.removeFirst()
                tasks.addTask { try await sample(group) }
            }
            while let result = try await tasks.next() {
                samples.append(result)
                if let group = pending.popFirst() { tasks.addTask { try await sample(group) } }
            }
            return samples
        }
        return LoadShapeCalculator.shapes(samples: samples, day: day, configuration: configuration)
    }

    /// MDS's bulk check of one group's stored segment against its register snapshot.
    func bulkCheck(_ group: GSPGroup) async throws -> BulkIngest.Outcome {
        let segment = try await store.segments(of: Self.date, group: group, upToVersion: version).last!
        return try BulkIngest().check(
            segment, snapshot: snapshots[group]!, receivedAt: UTCInstant(utcMidnightOfDay: Self.date.dayNumber + 1))
    }

    /// Asks the kernel to drop its page cache (needs root); says so when it cannot.
    static func dropPageCache() {
        sync()
        guard let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else {
            print("cannot drop the page cache (not root): the cold figure is a warm one")
            return
        }
        handle.write(Data("3\n".utf8))
        try? handle.close()
    }

    /// The key of each segment row: the same grouping the VAS uses within a group (supplier,
    /// class of metering point, direction, LLF class, domestic flag).
    static func writeKeys(snapshot: RegisterSnapshot, segment: SPSegment, to folder: URL) throws {
        var keys = [Int32](repeating: 0, count: segment.rowCount)
        var point = 0
        for row in 0..<segment.rowCount {
            while snapshot.mpans[point] < segment.mpans[row] { point += 1 }
            keys[row] =
                snapshot.supplier[point] << 20 | Int32(snapshot.marketSegment[point]) << 17 | Int32(snapshot.connectionType[point]) << 14
                | Int32(snapshot.energyDirection[point]) << 12 | snapshot.llfClass[point] << 2 | Int32(snapshot.domesticPremise[point] & 3)
        }
        let directory = folder.appendingPathComponent("duckdb")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try keys.withUnsafeBytes { try Data($0).write(to: directory.appendingPathComponent("\(snapshot.gspGroup.rawValue).keys")) }
    }
}
