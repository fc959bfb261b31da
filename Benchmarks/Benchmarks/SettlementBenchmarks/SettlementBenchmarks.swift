import Benchmark
import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(60))

    // The VAS for one whole settlement day: every group's segments memory-mapped from the
    // embedded store (page cache warm after the first iteration), joined with the register,
    // summed by key, kind and SP, losses, correction. 14 groups, two at a time.
    Benchmark("VAS: one settlement day, all 14 GSP groups", configuration: .init(warmupIterations: 1, maxIterations: 5)) {
        (benchmark: Benchmark, day: GBDay) in
        for _ in benchmark.scaledIterations {
            let results = try await day.settleAll()
            blackHole(results.reduce(0) { $0 + $1.statistics.valuesRead })
        }
    } setup: {
        try await GBDay()
    }

    // The same run from a cold page cache: the setup drops the kernel's caches (root only;
    // otherwise this equals the warm figure and says so), one iteration.
    Benchmark("VAS: one settlement day, cold page cache", configuration: .init(warmupIterations: 0, maxIterations: 1)) {
        (benchmark: Benchmark, day: GBDay) in
        for _ in benchmark.scaledIterations {
            let results = try await day.settleAll()
            blackHole(results.reduce(0) { $0 + $1.statistics.valuesRead })
        }
    } setup: {
        let day = try await GBDay()
        GBDay.dropPageCache()
        return day
    }

    // The LSS over the same day: 1.46 B values sampled by category, shapes with fallbacks.
    Benchmark("LSS: load shapes of one UTC day, all 14 GSP groups", configuration: .init(warmupIterations: 1, maxIterations: 5)) {
        (benchmark: Benchmark, day: GBDay) in
        for _ in benchmark.scaledIterations {
            blackHole(try await day.loadShapes().count)
        }
    } setup: {
        try await GBDay()
    }

    // Bulk ingest of one group's day (the largest, _H, ~3.2 M MPANs × 48 at full scale): check
    // against the register snapshot, rebuild, digest. The store's write is not included.
    Benchmark("MDS bulk ingest: check one group's segment", configuration: .init(warmupIterations: 1, maxIterations: 5)) {
        (benchmark: Benchmark, day: GBDay) in
        for _ in benchmark.scaledIterations {
            let outcome = try await day.bulkCheck(.southern)
            blackHole(outcome.segment.bytes(stampingVersion: 99).count)
        }
    } setup: {
        try await GBDay()
    }

    // The SP-data stores side by side: a month (1 M MPANs × 30 days by default) ingested, a
    // day at a time; the stored bytes per value; one day's VAS read and summed in Swift
    // (embedded) or summed on the shards (ClickHouse, with CLICKHOUSE_URL). One iteration each;
    // the custom metrics are values per second of `append` alone / of the VAS, and
    // milli-bytes stored per value.
    for store in [SPStoreMonth.Store.embedded, .clickHouse] {
        let configuration = Benchmark.Configuration(
            metrics: [
                .wallClock, .peakMemoryResident, .custom("values/s", polarity: .prefersLarger, useScalingFactor: false),
                .custom("stored mB/value", useScalingFactor: false),
            ], warmupIterations: 0, maxDuration: .seconds(3_600), maxIterations: 1)
        Benchmark("SP store \(store.rawValue): ingest a month", configuration: configuration) {
            (benchmark: Benchmark, month: SPStoreMonth) in
            for _ in benchmark.scaledIterations {
                let (values, seconds) = try await month.ingest(into: try await month.open(store, wipe: true))
                benchmark.measurement(.custom("values/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(values) / seconds))
                let bytes = try await month.storedBytes(store)
                benchmark.measurement(.custom("stored mB/value", useScalingFactor: false), bytes * 1_000 / max(values, 1))
                print("\(store.rawValue): \(values) values in \(seconds) s of append; \(bytes) bytes stored")
            }
        } setup: {
            try SPStoreMonth()
        }
        Benchmark("SP store \(store.rawValue): one day's VAS", configuration: configuration) {
            (benchmark: Benchmark, month: SPStoreMonth) in
            let opened = try await month.ensureIngested(store)
            for _ in benchmark.scaledIterations {
                let started = ContinuousClock.now
                let values = try await month.settleDay(opened)
                let seconds = (ContinuousClock.now - started).seconds
                benchmark.measurement(.custom("values/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(values) / seconds))
                print("\(store.rawValue): VAS read \(values) values in \(seconds) s")
            }
        } setup: {
            try SPStoreMonth()
        }
    }

    // IF-021 from a file: decode + MDS rules + segment build, per 1,000 messages of 48 values
    // (throughput × 48,000 = values per second). The store append is measured separately.
    Benchmark("MDS ingest: decode and validate 1,000 IF-021 (48,000 values)", configuration: .init(maxIterations: 50)) {
        (benchmark: Benchmark, file: IngestFile) in
        for _ in benchmark.scaledIterations {
            let items = try IF021Decoder.decode(file.bytes)
            let outcome = MDSIngest().run(items, receivedAt: file.received) { _, _ in file.status }
            blackHole(outcome.segments.map { $0.bytes(stampingVersion: 1) })
        }
    } setup: {
        IngestFile(messages: 1_000)
    }
}

/// 1,000 IF-021 messages, each one MPAN × one UTC day × 48 periods, as a data service sends them.
struct IngestFile: Sendable {
    let bytes: [UInt8]
    let received = UTCInstant(utcMidnightOfDay: 20_395)
    let status = MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: false)

    init(messages: Int) {
        let day = UTCDay(dayNumber: 20_394)
        var text = "["
        for index in 0..<messages {
            let mpan = try! MPAN(distributor: try! DistributorID(20), uniqueNumber: Int64(index + 1))
            let periods = (0..<48).map { slot in
                "{\"sp\":\"\(DIPDateTime(day.periodEnd(slot: slot)).text)\",\"v\":\"0.\(100 + (slot * 7 + index) % 800)\",\"q\":\"A\",\"e\":null,\"arc\":null}"
            }
            if index > 0 { text += "," }
            text += """
                {"payload":{"CommonBlock":{"S0":{"interfaceID":"IF-021","schemaVersion":"011","eventCode":"[ActivePower]"},\
                "S1":{"environmentTag":"PRD","subText":null,"senderUniqueReference":"S-IF-021-1401234567-SDS-20251105-m\(index)",\
                "senderTimestamp":"2025-11-05T01:00:00+00:00","senderDIPID":"1401234567","senderRoleID":"SDS","senderCorrelationID":null,\
                "DIPConnectionProviderID":null},"M0":{"MPANCore":"\(mpan)","distributorDIPID":"2000000000","GSPGroupID":"_H"}},\
                "CustomBlock":{"B044":{"issuingDataServiceDIPID":"1401234567"},"B067":{"connectionTypeIndicator":"W","connectionTypeEffectiveFromDate":"2025-01-01T00:00:00+00:00"},\
                "B900":{"MQID":{"measurementQuantityID":"AI"},\
                "settlementDayConsumptionPeriods":[{"settlementDay":{"settlementDayDate":"\(day.settlementDayDateText)","periodDuration":30},\
                "consumptionPeriods":[\(periods.joined(separator: ","))]}]}}}}
                """
        }
        bytes = Array((text + "]").utf8)
    }
}
