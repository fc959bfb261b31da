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
            let unique = Int64(index + 1)
            var weighted = 0
            var rest = 20 * 10_000_000_000 + unique
            for weight in MPAN.checkDigitWeights.reversed() {
                weighted += Int(rest % 10) * weight
                rest /= 10
            }
            let mpan = (20 * 10_000_000_000 + unique) * 10 + Int64(weighted % 11 % 10)
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
