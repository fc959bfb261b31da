import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import Testing

/// The LSS on a small hand-worked fixture (Fixtures/lss), on SQLite and PostgreSQL.
///
/// Given, on UTC day 2026-11-10 (GMT) with a minimum sample of 2:
/// - `_A` smart whole-current domestic: 1…12 actual 0.100 all day; 1…21 actual 0.300 except the
///   period ending 01:00, which is an E9 estimate; 1…30 estimates only; 1…68 de-energised
///   (actual zeros, not counted);
/// - `_A` smart non-domestic 1…40 (actual 0.050), advanced LV-CT 1…59 (AI 5.000, RI 1.000);
/// - `_B` smart domestic 11…17 actual 0.151;
/// - `_A` smart domestic 1…77 (3,650 kWh a year) sends nothing: the VAS defaults it from the shape.
@Suite("Load Shaping Service")
struct LoadShapeTests {
    static func fixture(_ file: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lss/\(file)")
    }

    static func world(_ backend: SettlementWorld.Backend, _ body: (SettlementWorld) async throws -> Void) async throws {
        try await SettlementWorld.with(backend) { world in
            try await world.registrations(fixture("registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            let refusals = try await world.consumption(fixture("consumption.csv"))
            #expect(refusals.isEmpty, "MDS refused fixture data: \(refusals)")
            try await body(world)
        }
    }

    static func category(_ text: String) throws -> LoadShapeCategory { try LoadShapeCategory(text: text) }

    @Test(arguments: SettlementWorld.Backend.allCases)
    func shapesAreTheMeanOfActualDataWithFallbacks(_ backend: SettlementWorld.Backend) async throws {
        try await Self.world(backend) { world in
            let run = try await world.loadShapes("2026-11-10", at: "2026-11-11T12:00:00+00:00", minimumSample: 2)
            #expect(run.id == "2026-11-10-LSS-1")
            #expect(
                run.shapes.map(\.category.description).sorted() == [
                    "_A/L/A/F/AI", "_A/L/A/F/RI", "_A/W/S/F/AI", "_A/W/S/T/AI", "_B/W/S/T/AI", "national/L/A/F/AI", "national/L/A/F/RI",
                    "national/W/S/F/AI", "national/W/S/T/AI",
                ])

            // _A domestic: (100 + 300) / 2 = 200 Wh from two actual samples; in slot 1 only one
            // actual sample, so the national mean (100 + 151) / 2 = 125.5 → 126, flag D.
            let domestic = try #require(run.shape(for: try Self.category("_A/W/S/T/AI")))
            #expect(domestic.values[0] == 200 && domestic.flags[0] == .actual && domestic.samples[0] == 2)
            #expect(domestic.values[1] == 126 && domestic.flags[1] == .defaulted && domestic.samples[1] == 1)
            #expect(domestic.values[47] == 200 && domestic.flags[47] == .actual)

            // National: (100 + 300 + 151) / 3 = 183.67 → 184; slot 1 (100 + 151) / 2 → 126.
            let national = try #require(run.shape(for: try Self.category("national/W/S/T/AI")))
            #expect(national.values[0] == 184 && national.flags[0] == .actual && national.samples[0] == 3)
            #expect(national.values[1] == 126 && national.flags[1] == .actual)

            // _B has one sample: every period falls back to the national mean.
            let eastMidlands = try #require(run.shape(for: try Self.category("_B/W/S/T/AI")))
            #expect(eastMidlands.flags.allSatisfy { $0 == .defaulted })
            #expect(eastMidlands.values[0] == 184 && eastMidlands.values[1] == 126)

            // One sample and no national cover: the flat back-stop (2,700 kWh / 17,520 → 154 Wh), E.
            let nonDomestic = try #require(run.shape(for: try Self.category("_A/W/S/F/AI")))
            #expect(nonDomestic.flags.allSatisfy { $0 == .backstop } && nonDomestic.values.allSatisfy { $0 == 154 })

            // Advanced reactive import has no back-stop: no data, B, zero.
            let reactive = try #require(run.shape(for: try Self.category("_A/L/A/F/RI")))
            #expect(reactive.flags.allSatisfy { $0 == .noData } && reactive.values.allSatisfy { $0 == 0 })
            let advanced = try #require(run.shape(for: try Self.category("_A/L/A/F/AI")))
            #expect(advanced.flags.allSatisfy { $0 == .backstop } && advanced.values[0] == 11_416)

            // Totals: 47 × 200 + 126; GMT off-peak is periods 1–14; a first day's rolling
            // figures scale its own total.
            let totals = domestic.totals
            #expect(totals.day == 9_526 && totals.dayOffPeak == 13 * 200 + 126 && totals.dayPeak == 34 * 200)
            #expect(totals.sevenDay == 9_526 * 7 && totals.annual == 9_526 * 365)
            #expect(advanced.totals.dayPeak == nil && advanced.totals.sevenDayOffPeak == nil)

            // Stored and read back whole; a second run is a new version.
            let stored = try #require(
                try await world.shapes.latestRun(onOrBefore: UTCDay(sameCalendarDateAs: try SettlementDate("2026-11-12")), publishedBy: nil)
            )
            #expect(stored == run)
            let again = try await world.loadShapes("2026-11-10", at: "2026-11-11T13:00:00+00:00", minimumSample: 2)
            #expect(again.id == "2026-11-10-LSS-2" && again.shapes == run.shapes)
            // A run dated before the last one is published when it is stored, not in the past:
            // a settlement run reproduced at 12:30 must not see it.
            let backdated = try await world.loadShapes("2026-11-10", at: "2026-11-11T06:00:00+00:00", minimumSample: 2)
            #expect(backdated.id == "2026-11-10-LSS-3" && backdated.runAt == again.runAt)
            let seenAt = try await world.shapes.latestRun(
                onOrBefore: UTCDay(sameCalendarDateAs: try SettlementDate("2026-11-10")),
                publishedBy: try DIPDateTime("2026-11-11T12:30:00+00:00").instant)
            #expect(seenAt?.id == "2026-11-10-LSS-1")
        }
    }

    /// MDS defaults a metering point without data from its category's shape scaled to its annual
    /// consumption: 200 Wh × 3,650,000 / (9,526 × 365) = 209.95 → 210 (A), and the fallen-back
    /// 126 Wh → 132.27 → 132 (D); the run's manifest names the LSS run.
    @Test(arguments: SettlementWorld.Backend.allCases)
    func theVASDefaultsFromTheShape(_ backend: SettlementWorld.Backend) async throws {
        try await Self.world(backend) { world in
            _ = try await world.loadShapes("2026-11-10", at: "2026-11-11T12:00:00+00:00", minimumSample: 2)
            let run = try await world.settle("2026-11-10", .initialSettlement, at: "2026-11-20T00:00:00+00:00")
            #expect(run.manifest.inputs["load-shapes"] == "2026-11-10-LSS-1")
            let defaults = String(decoding: try #require(run.files[SettlementRunFiles.defaults]), as: UTF8.self)
            let row = try #require(defaults.split(separator: "\n").first { $0.contains(",1000000000077,") })
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            let values = fields[7].split(separator: " ").map { Int64($0)! }
            #expect(values.count == 48 && values[0] == 210 && values[1] == 132 && values[47] == 210)
            #expect(fields[8] == "AD" + String(repeating: "A", count: 46) && fields[9] == "loadShape")
            let results = try RunResults(manifest: run.manifest, files: run.files)
            let if013 = try JSONParser.parse(IF013Messages.render(results, sender: .standardMDS, at: GoldenMessageTests.at) { _, _ in nil })
            let period = if013[0]?["payload"]?["CustomBlock"]?["B920List"]?[0]?["settlementDayConsumptionPeriods"]?[0]?[
                "defaultedConsumptionPeriods"]?[1]
            #expect(period?["defaultedSPConsumption"]?.stringValue == "0.132" && period?["defaultLoadShapeFlag"]?.stringValue == "D")
            #expect(DIPSchemaValidator.validate(try #require(if013[0])) == nil)
            // Settled at a time before the LSS run: the flat back-stop, as that run saw it.
            let before = try await world.settle("2026-11-10", .interimInformation, at: "2026-11-11T11:00:00+00:00")
            #expect(before.manifest.inputs["load-shapes"] == nil)
            let flat = String(decoding: try #require(before.files[SettlementRunFiles.defaults]), as: UTF8.self)
            #expect(flat.contains(",1000000000077,") && flat.contains(String(repeating: "E", count: 48) + ",annualConsumption"))
        }
    }

    @Test func messagesPassTheSpecification() async throws {
        try await Self.world(.sqlite) { world in
            let run = try await world.loadShapes("2026-11-10", at: "2026-11-11T12:00:00+00:00", minimumSample: 2)
            let if022 = LoadShapeMessages.if022(run, at: GoldenMessageTests.at)
            let if023 = LoadShapeMessages.if023(run, at: GoldenMessageTests.at)
            #expect(DIPSchemaValidator.validate(if022) == nil)
            #expect(DIPSchemaValidator.validate(if023) == nil)
            let periods = if022["payload"]?["CustomBlock"]?["B903List"]?[0]?["LSGSettlementPeriods"]
            #expect(periods?[0]?["LSGroupSettlementPeriods"]?[1]?["sp"]?.stringValue == "2026-11-10T01:00:00+00:00")
            try GoldenMessageTests.golden("IF-022-LSSPeriodData.json", JSONWriter.bytes(.array([if022])))
            try GoldenMessageTests.golden("IF-023-LSSTotalsData.json", JSONWriter.bytes(.array([if023])))
        }
    }

    /// In BST the UTC day's last two periods are the next settlement date's first two; on the
    /// autumn clock-change day the UTC day is the local day's periods 3–50.
    @Test(arguments: [("2026-07-01", 46), ("2026-10-25", 2), ("2026-03-29", 0), ("2026-03-29", 47)])
    func markerValuesLandInTheirUTCPeriod(_ day: String, _ slot: Int) async throws {
        try await SettlementWorld.with(.sqlite) { world in
            try await world.registrations(Self.fixture("registrations.csv"), recordedAt: "2026-01-01T00:00:00+00:00")
            let utcDay = UTCDay(sameCalendarDateAs: try SettlementDate(day))
            let first = DIPDateTime(utcDay.periodEnd(slot: 0)).text
            let last = DIPDateTime(utcDay.periodEnd(slot: 47)).text
            let marker = DIPDateTime(utcDay.periodEnd(slot: slot)).text
            var csv = "mpan,mq,first_sp_end,last_sp_end,kwh,q,received_at\n"
            for mpan in ["1000000000012", "1000000000021"] {
                csv += "\(mpan),AI,\(first),\(last),0.100,A,2026-11-20T00:00:00+00:00\n"
                csv += "\(mpan),AI,\(marker),\(marker),0.777,A,2026-11-21T00:00:00+00:00\n"
            }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("lss-marker-\(UUID().uuidString).csv")
            try Data(csv.utf8).write(to: url)
            #expect(try await world.consumption(url).isEmpty)
            let run = try await world.loadShapes(day, at: "2026-11-22T00:00:00+00:00", minimumSample: 2)
            let shape = try #require(run.shape(for: try Self.category("_A/W/S/T/AI")))
            for index in 0..<48 {
                #expect(shape.values[index] == (index == slot ? 777 : 100), "slot \(index)")
                #expect(shape.flags[index] == .actual)
            }
        }
    }

    @Test func rollingTotalsScaleTheDaysKnown() {
        let day = UTCDay(sameCalendarDateAs: try! SettlementDate("2026-11-10"))
        let today = LoadShapeDayTotals(day: day, total: 1_000, peak: 700, offPeak: 300)
        let history = [
            LoadShapeDayTotals(day: UTCDay(dayNumber: day.dayNumber - 1), total: 2_000, peak: 1_500, offPeak: 500),
            LoadShapeDayTotals(day: UTCDay(dayNumber: day.dayNumber - 8), total: 9_000, peak: 9_000, offPeak: 0),
        ]
        let totals = LoadShapeTotals(today: today, history: history, segment: .smart)
        // The week knows two days (mean 1,500); the year knows three (mean 4,000).
        #expect(totals.sevenDay == 10_500 && totals.sevenDayPeak == 7_700 && totals.sevenDayOffPeak == 2_800)
        #expect(totals.annual == 1_460_000)
        #expect(LoadShapeTotals(today: today, history: history, segment: .advanced).dayPeak == nil)
    }

    @Test func categoriesRoundTripTheirText() throws {
        for text in ["_A/W/S/T/AI", "national/L/A/F/RI", "_P/U/U/T/AE"] {
            #expect(try LoadShapeCategory(text: text).description == text)
        }
        #expect(throws: LoadShapeError.self) { try LoadShapeCategory(text: "_A/W/S/T") }
        #expect(throws: LoadShapeError.self) { try LoadShapeCategory(text: "_I/W/S/T/AI") }
    }
}
