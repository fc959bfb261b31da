import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import Testing

/// The messages the settlement side sends, checked against the DIP specification and kept as
/// golden files (CI also runs `dip-validate` on them). `MHHS_UPDATE_GOLDEN=1` rewrites them.
@Suite("Settlement golden messages")
struct GoldenMessageTests {
    static let at = UTCInstant(secondsSinceEpoch: 1_793_700_000)

    static func golden(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dip/\(name)")
        if ProcessInfo.processInfo.environment["MHHS_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: url)
            return
        }
        let stored = try Data(contentsOf: url)
        #expect(Array(stored) == bytes, "\(name) differs from the golden file (MHHS_UPDATE_GOLDEN=1 rewrites it)")
    }

    static func checkReports(_ bytes: [UInt8], _ report: ECSReport) throws {
        guard case .array(let messages) = try JSONParser.parse(bytes) else { Issue.record("not an array"); return }
        #expect(!messages.isEmpty)
        for message in messages {
            #expect(DIPSchemaValidator.validate(message) == nil)
            let encoded = try #require(message["payload"]?["CustomBlock"]?["P03"]?["compressedReport"]?.stringValue)
            let content = try JSONParser.parse(try Gzip.decompress(Array(try #require(Data(base64Encoded: encoded)))))
            #expect(DIPSchemaValidator.validate(reportContent: content, report: report.rawValue) == nil)
        }
    }

    @Test func reportsOfTheAutumnScenarioPassTheSpecification() async throws {
        try await SettlementWorld.with(.sqlite) { world in
            let scenario = "autumn-clock-change"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.lineLossFactors(distributor: "SOUT", llfClass: "1", factor: "1.050", dates: [try SettlementDate("2026-10-25")])
            try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
            try await world.takes(SettlementWorld.fixture(scenario, "takes.csv"), recordedAt: "2026-10-27T00:00:00+00:00")
            let run = try await world.settle("2026-10-25", .initialSettlement, at: "2026-11-05T00:00:00+00:00")
            let results = try RunResults(manifest: run.manifest, files: run.files)
            for report in [ECSReport.rep002, .rep003, .rep004, .rep006, .rep008] {
                let bytes = try ReportMessages.render(report, results, sender: .standard, at: Self.at)
                try Self.checkReports(bytes, report)
                try Self.golden("\(report.rawValue).json", bytes)
            }
        }
    }

    @Test func defaultsReportPassesTheSpecification() async throws {
        try await SettlementWorld.with(.sqlite) { world in
            let scenario = "de-energised-mid-week"
            try await world.registrations(SettlementWorld.fixture(scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.consumption(SettlementWorld.fixture(scenario, "consumption.csv"))
            let run = try await world.settle("2026-11-05", .initialSettlement, at: "2026-11-16T00:00:00+00:00")
            let bytes = try ReportMessages.render(
                .rep007, try RunResults(manifest: run.manifest, files: run.files), sender: .standard, at: Self.at)
            try Self.checkReports(bytes, .rep007)
            try Self.golden("REP-007.json", bytes)
            // The same run's IF-013: MPAN …060 defaulted for SP 1–48 of a GMT day (one UTC day).
            let directory = ["SUPA|SUP": "3000000001", "DSAA|SDS": "1401234567", "SOUT|LDSO": "2000000000"]
            let if013 = IF013Messages.render(
                try RunResults(manifest: run.manifest, files: run.files), sender: .standardMDS, at: Self.at
            ) { mpid, role in directory["\(mpid)|\(role.rawValue)"] }
            guard case .array(let messages) = try JSONParser.parse(if013) else { Issue.record("not an array"); return }
            #expect(messages.count == 1)
            for message in messages { #expect(DIPSchemaValidator.validate(message) == nil) }
            let text = String(decoding: if013, as: UTF8.self)
            #expect(text.contains("\"settlementImpactedDataServiceDIPID\":\"1401234567\""))
            #expect(text.contains("\"defaultedSPConsumption\":\"1.000\""))
            #expect(text.components(separatedBy: "settlementPeriodEffectiveToDateTime").count == 49)
            try Self.golden("IF-013-ActivePowerDefaulted.json", if013)
        }
    }

    @Test func rejectionsBecomeIF014sThatPassTheSpecification() throws {
        let periods = MDSIngestTests.periods { p in
            p[4].energyWh = -250
            p[6].quality = QualityCode("E2")!
        }
        var deEnergised = MDSIngestTests.submission(days: [
            ConsumptionDay(
                day: MDSIngestTests.day,
                periods: MDSIngestTests.periods { p in
                    p[0].quality = QualityCode("E2")!
                    p[0].estimationReason = 7
                })
        ])
        deEnergised.position = 1
        deEnergised.connectionTypeEffectiveFrom = UTCInstant(utcMidnightOfDay: 20_089)
        var negative = MDSIngestTests.submission(days: [ConsumptionDay(day: MDSIngestTests.day, periods: periods)])
        negative.distributorDIPID = "2000000000"
        negative.connectionTypeEffectiveFrom = UTCInstant(utcMidnightOfDay: 20_089)
        negative.gspGroup = .southern
        deEnergised.distributorDIPID = "2000000000"
        deEnergised.gspGroup = .southern
        let first = MDSIngest().run([.submission(negative)], receivedAt: MDSIngestTests.received) { _, _ in
            MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: false)
        }
        let second = MDSIngest().run([.submission(deEnergised)], receivedAt: MDSIngestTests.received) { _, _ in
            MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: true)
        }
        let messages =
            first.rejectionMessages(sender: .standardMDS, at: Self.at, version: 1)
            + second.rejectionMessages(sender: .standardMDS, at: Self.at, version: 2)
        #expect(messages.count == 2)
        for message in messages { #expect(DIPSchemaValidator.validate(message) == nil) }
        #expect(messages[0]["payload"]?["CommonBlock"]?["S0"]?["eventCode"]?.stringValue == "[ActivePowerRejected]")
        #expect(messages[1]["payload"]?["CommonBlock"]?["S0"]?["eventCode"]?.stringValue == "[ConsumptionOnDeEnergisedMPAN]")
        guard case .array(let reasons)? = messages[0]["payload"]?["CommonBlock"]?["R0"]?["responseMessages"] else {
            Issue.record("no R0")
            return
        }
        #expect(reasons.compactMap(\.stringValue).map { String($0.prefix(7)) } == ["ECS1010", "ECS1015"])
        try Self.golden("IF-014-ActivePowerRejected.json", JSONWriter.bytes(.array([messages[0]])))
        try Self.golden("IF-014-ConsumptionOnDeEnergisedMPAN.json", JSONWriter.bytes(.array([messages[1]])))
    }
}
