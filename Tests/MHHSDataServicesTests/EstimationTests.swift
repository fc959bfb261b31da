import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import Testing

@testable import MHHSDataServices

/// The smart and advanced data services' validation and estimation, on hand-made load shapes:
/// shape value in UTC slot s is 100 + s Wh (day total 5,928 Wh), the same every day, so every
/// expected value can be worked by hand from DOMAIN §6's formulas.
@Suite("Data service estimation")
struct EstimationTests {
    static let group = GSPGroup.eastern
    static let mpan = try! MPAN("1000000000012")
    static let profile = MeteringPointProfile(
        mpan: mpan, gspGroup: group, connectionType: .wholeCurrent, marketSegment: .smart, domesticPremise: .domestic, energised: true,
        annualConsumptionWh: 3_650_000, distributor: try! MPID("EELC"))
    static let shapeValues: [Int64] = (0..<48).map { 100 + Int64($0) }
    static let dayTotal: Int64 = 5_928

    static func day(_ text: String) -> UTCDay { UTCDay(sameCalendarDateAs: try! SettlementDate(text)) }

    /// A shape library with the same shape on every day from `first` for `days` days.
    static func library(from first: String = "2026-10-01", days: Int = 60, category: String = "_A/W/S/T/AI") -> ShapeLibrary {
        let start = day(first).dayNumber
        let runs = (start..<start + days).map { number -> LoadShapeRun in
            let utcDay = UTCDay(dayNumber: number)
            let shape = LoadShape(
                category: try! LoadShapeCategory(text: category), day: utcDay, values: shapeValues,
                flags: Array(repeating: .actual, count: 48), samples: Array(repeating: 40, count: 48),
                totals: LoadShapeTotals(
                    day: dayTotal, dayPeak: nil, dayOffPeak: nil, sevenDay: dayTotal * 7, sevenDayPeak: nil, sevenDayOffPeak: nil,
                    annual: dayTotal * 365))
            return LoadShapeRun(
                id: "\(utcDay)-LSS-1", day: utcDay, runNumber: 1, runAt: utcDay.midnight, spDataVersion: 1, minimumSample: 30,
                shapes: [shape])
        }
        return ShapeLibrary(runs: runs)
    }

    static func estimator(_ service: DataServiceKind = .smart, shapes: ShapeLibrary = library()) -> SeriesEstimator {
        SeriesEstimator(service: service, shapes: shapes)
    }

    static func interval(_ end: UTCInstant, _ wattHours: Int64, line: Int = 0) -> IntervalRead {
        IntervalRead(mpan: mpan, quantity: .activeImport, end: end, energyWh: wattHours, line: line)
    }

    static func register(_ at: String, _ wattHours: Int64, line: Int = 0) -> RegisterRead {
        RegisterRead(mpan: mpan, quantity: .activeImport, at: try! DIPDateTime(at).instant, registerWh: wattHours, line: line)
    }

    /// The annual-consumption estimate by hand: shape × 3,650,000 / (365 × 5,928), half up.
    static func annualEstimate(_ slot: Int) -> Int64 { (shapeValues[slot] * 3_650_000 * 2 + 365 * dayTotal) / (2 * 365 * dayTotal) }

    @Test func aLoneMissingPeriodIsTheMeanOfItsNeighbours() {
        let utcDay = Self.day("2026-11-10")
        let reads = (0..<48).filter { $0 != 10 }.map { Self.interval(utcDay.periodEnd(slot: $0), $0 == 9 ? 301 : 400) }
        let (periods, findings) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: reads, registers: [])
        #expect(findings.isEmpty)
        #expect(periods[10].energyWh == 351 && periods[10].quality.description == "E0" && periods[10].estimationReason == 2)
        #expect(periods.enumerated().allSatisfy { $0.offset == 10 || $0.element.quality == .actual })
        #expect(periods[0].estimationReason == 0)
    }

    @Test func aMissingDayFollowsTheShapeScaledToTheAnnualConsumption() {
        let utcDay = Self.day("2026-11-10")
        let (periods, _) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: [], registers: [])
        for slot in 0..<48 {
            #expect(periods[slot].energyWh == Self.annualEstimate(slot))
            #expect(periods[slot].quality.description == "E9" && periods[slot].estimationReason == 2)
            #expect(periods[slot].end == utcDay.periodEnd(slot: slot))
        }
        // 3,650 kWh a year is 10 kWh a day: the shape keeps the day's energy to rounding.
        #expect(abs(periods.reduce(0) { $0 + $1.energyWh } - 10_000) <= 24)
    }

    @Test func noAnnualConsumptionUsesTheCategoryMean() {
        var profile = Self.profile
        profile.annualConsumptionWh = nil
        let (periods, _) = Self.estimator().estimate(
            day: Self.day("2026-11-10"), profile: profile, quantity: .activeImport, intervals: [], registers: [])
        #expect(periods.map(\.energyWh) == Self.shapeValues && periods.allSatisfy { $0.quality.description == "E7" })
        // No shape published at all: the flat back-stop (2,700 kWh / 17,520 → 154 Wh).
        let (flat, _) = Self.estimator(shapes: ShapeLibrary(runs: [])).estimate(
            day: Self.day("2026-11-10"), profile: profile, quantity: .activeImport, intervals: [], registers: [])
        #expect(flat.allSatisfy { $0.energyWh == 154 && $0.quality.description == "E7" })
    }

    /// 70 kWh read over the week 3–10 November is spread over its 336 half hours pro rata to the
    /// shape; each day's run takes its own 48, and the week adds up to the advance exactly.
    @Test func aWeeksAdvanceIsSpreadProRataToTheShape() {
        let reads = [Self.register("2026-11-03T00:00:00+00:00", 1_000_000), Self.register("2026-11-10T00:00:00+00:00", 1_070_000)]
        var week: [Int64] = []
        for offset in 0..<7 {
            let utcDay = UTCDay(dayNumber: Self.day("2026-11-03").dayNumber + offset)
            let (periods, _) = Self.estimator().estimate(
                day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
            #expect(periods.allSatisfy { $0.quality.description == "E3" && $0.estimationReason == 2 })
            week += periods.map(\.energyWh)
        }
        #expect(week.reduce(0, +) == 70_000)
        // Each half hour within 1 Wh of its exact share 70,000 × (100 + s) / (7 × 5,928).
        for (index, value) in week.enumerated() {
            let exact = Double(70_000 * Self.shapeValues[index % 48]) / Double(7 * Self.dayTotal)
            #expect(abs(Double(value) - exact) < 1, "half hour \(index)")
        }
        // The day after the last read has no advance: shape × annual consumption.
        let (after, _) = Self.estimator().estimate(
            day: Self.day("2026-11-10"), profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
        #expect(after.allSatisfy { $0.quality.description == "E9" })
    }

    /// An advance reaching back before the LSS's first shape: the days without one weigh as the
    /// mean of the shaped half hours, so the energy is not piled onto the shaped days.
    @Test func anAdvanceBeforeTheFirstShapeIsNotPiledOntoTheShapedDays() {
        let reads = [Self.register("2026-11-03T00:00:00+00:00", 0), Self.register("2026-11-07T00:00:00+00:00", 19_200)]
        let shapes = Self.library(from: "2026-11-05", days: 10)
        var all: [Int64] = []
        for offset in 0..<4 {
            let utcDay = UTCDay(dayNumber: Self.day("2026-11-03").dayNumber + offset)
            let (periods, _) = Self.estimator(shapes: shapes).estimate(
                day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
            all += periods.map(\.energyWh)
        }
        #expect(all.reduce(0, +) == 19_200)
        // Unshaped half hours weigh 123 (the mean of 100…147, rounded down), shaped ones their
        // shape value: each half hour within 1 Wh of its exact share of 19,200 over Σ 23,664.
        for (index, value) in all.enumerated() {
            let weight = index < 96 ? 123 : Self.shapeValues[index % 48]
            let exact = Double(19_200 * weight) / 23_664
            #expect(abs(Double(value) - exact) < 1, "half hour \(index)")
        }
    }

    /// A daily advance less the interval data inside it, spread over the gaps only (E1); a read
    /// below the one before is refused and the next pair uses the last good read.
    @Test func aDailyAdvanceFillsOnlyTheGaps() {
        let utcDay = Self.day("2026-11-10")
        let intervals = (0..<24).map { Self.interval(utcDay.periodEnd(slot: $0), 200) }
        let reads = [
            Self.register("2026-11-10T00:00:00+00:00", 50_000, line: 2), Self.register("2026-11-10T12:00:00+00:00", 40_000, line: 3),
            Self.register("2026-11-11T00:00:00+00:00", 60_000, line: 4),
        ]
        let (periods, findings) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: intervals, registers: reads)
        #expect(findings.map(\.kind) == [.negativeAdvance] && findings.first?.line == 3)
        #expect(periods[0..<24].allSatisfy { $0.quality == .actual && $0.energyWh == 200 })
        #expect(periods[24...].allSatisfy { $0.quality.description == "E1" })
        // 10,000 Wh advance − 4,800 Wh metered = 5,200 Wh over slots 24–47 by shape.
        #expect(periods[24...].reduce(0) { $0 + $1.energyWh } == 5_200)
        let weights = Self.shapeValues[24...].reduce(0, +)
        #expect(periods[24].energyWh == 5_200 * 124 / weights || periods[24].energyWh == 5_200 * 124 / weights + 1)
    }

    @Test func aRegisterThatDidNotMoveIsAZeroAdvance() {
        let reads = [Self.register("2026-11-10T00:00:00+00:00", 5_000), Self.register("2026-11-11T00:00:00+00:00", 5_000)]
        let (periods, _) = Self.estimator().estimate(
            day: Self.day("2026-11-10"), profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
        #expect(periods.allSatisfy { $0.energyWh == 0 && $0.quality.description == "ZE" })
    }

    @Test func invalidValuesAreReplacedWithReasonThree() {
        let utcDay = Self.day("2026-11-10")
        var reads = (0..<48).map { Self.interval(utcDay.periodEnd(slot: $0), 300, line: $0 + 2) }
        reads[5].energyWh = -10
        reads[20].energyWh = 12_001
        let (periods, findings) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: reads, registers: [])
        #expect(findings.map(\.kind) == [.negativeValue, .aboveMaximum] && findings.map(\.line) == [7, 22])
        #expect(periods[5].quality.description == "E0" && periods[5].estimationReason == 3 && periods[5].energyWh == 300)
        #expect(periods[20].quality.description == "E0" && periods[20].estimationReason == 3)
    }

    @Test func deEnergisedGapsAreZeroWithReasonSeven() {
        var profile = Self.profile
        profile.energised = false
        let utcDay = Self.day("2026-11-10")
        let (periods, _) = Self.estimator().estimate(
            day: utcDay, profile: profile, quantity: .activeImport, intervals: [Self.interval(utcDay.periodEnd(slot: 0), 0)], registers: [])
        #expect(periods[0].quality == .actual)
        #expect(periods[1...].allSatisfy { $0.energyWh == 0 && $0.quality.description == "ZE3" && $0.estimationReason == 7 })
    }

    /// The autumn clock-change day: readings given in local time with their offsets (the
    /// repeated 01:00–02:00 hour twice, +01:00 then +00:00) are 48 distinct UTC half hours; a
    /// daily advance from local midnight to local midnight spans 50 half hours (E1), two of them
    /// on the UTC day before.
    @Test func theAutumnClockChangeDayIsFortyEightUTCPeriods() throws {
        var csv = "mpan,mq,kind,at,kwh\n"
        var instant = try DIPDateTime("2026-10-25T00:30:00+00:00").instant
        for index in 0..<48 {
            let local = instant.adding(seconds: LondonClock.utcOffsetSeconds(at: instant.adding(seconds: -1)))
            let offset = LondonClock.utcOffsetSeconds(at: instant.adding(seconds: -1)) == 0 ? "+00:00" : "+01:00"
            let text = String(DIPDateTime(local).text.prefix(19)) + offset
            csv += "1000000000012,AI,interval,\(text),\(index == 2 ? "0.777" : "0.100")\n"
            instant = instant.adding(seconds: 1_800)
        }
        let readings = try MeterReadings(csv: csv)
        #expect(readings.intervals.count == 48)
        let utcDay = Self.day("2026-10-25")
        let (periods, _) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: readings.intervals, registers: [])
        #expect(periods.allSatisfy { $0.quality == .actual })
        let marker = try DIPDateTime("2026-10-25T01:30:00+00:00").instant
        #expect(periods[2].energyWh == 777 && periods[2].end == marker)

        let reads = [Self.register("2026-10-25T00:00:00+01:00", 0), Self.register("2026-10-26T00:00:00+00:00", 25_000)]
        let (today, _) = Self.estimator().estimate(
            day: utcDay, profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
        let (dayBefore, _) = Self.estimator().estimate(
            day: Self.day("2026-10-24"), profile: Self.profile, quantity: .activeImport, intervals: [], registers: reads)
        #expect(today.allSatisfy { $0.quality.description == "E1" })
        #expect(
            dayBefore[46...].allSatisfy { $0.quality.description == "E1" }
                && dayBefore[0..<46].allSatisfy { $0.quality.description == "E9" })
        #expect(today.reduce(0) { $0 + $1.energyWh } + dayBefore[46...].reduce(0) { $0 + $1.energyWh } == 25_000)
    }

    @Test func theAdvancedServiceWritesItsOwnCodesAndReactiveData() {
        var profile = Self.profile
        profile.connectionType = .lowVoltageCT
        profile.marketSegment = .advanced
        let shapes = Self.library(category: "_A/L/A/T/RI")
        let utcDay = Self.day("2026-11-10")
        let reads = (0..<48).filter { $0 != 7 }.map {
            IntervalRead(mpan: Self.mpan, quantity: .reactiveImport, end: utcDay.periodEnd(slot: $0), energyWh: 50, line: 0)
        }
        let (periods, _) = Self.estimator(.advanced, shapes: shapes).estimate(
            day: utcDay, profile: profile, quantity: .reactiveImport, intervals: reads, registers: [])
        #expect(periods[7].quality.description == "EA1" && periods[7].energyWh == 50)
        let (missing, _) = Self.estimator(.advanced, shapes: shapes).estimate(
            day: utcDay, profile: profile, quantity: .reactiveImport, intervals: [], registers: [])
        #expect(missing.map(\.energyWh) == Self.shapeValues && missing.allSatisfy { $0.quality.description == "EA5" })
    }

    @Test func readingFilesAreCheckedLineByLine() {
        func error(_ csv: String) -> ReadingFileError? {
            do { _ = try MeterReadings(csv: csv) } catch { return error }
            return nil
        }
        #expect(error("mpan,mq\n")?.line == 1)
        #expect(error("mpan,mq,kind,at,kwh\n1000000000013,AI,interval,2026-11-10T00:30:00+00:00,0.100\n")?.reason.hasPrefix("mpan") == true)
        #expect(error("mpan,mq,kind,at,kwh\n1000000000012,XX,interval,2026-11-10T00:30:00+00:00,0.100\n")?.reason.hasPrefix("mq") == true)
        #expect(
            error("mpan,mq,kind,at,kwh\n1000000000012,AI,interval,2026-11-10T00:31:00+00:00,0.100\n")?.reason.contains("half hour") == true)
        #expect(error("mpan,mq,kind,at,kwh\n1000000000012,AI,meter,2026-11-10T00:30:00+00:00,0.100\n")?.reason.hasPrefix("kind") == true)
        #expect(error("mpan,mq,kind,at,kwh\n1000000000012,AI,interval,2026-11-10T00:30:00+00:00,0.1\n")?.reason.hasPrefix("kwh") == true)
        let duplicate =
            "mpan,mq,kind,at,kwh\n1000000000012,AI,interval,2026-11-10T00:30:00+00:00,0.100\n"
            + "1000000000012,AI,interval,2026-11-10T01:30:00+01:00,0.100\n"
        #expect(error(duplicate)?.line == 3)
    }

    @Test func apportionmentIsExactAndFollowsTheWeights() {
        #expect(Apportionment.split(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportionment.split(7, weights: [0, 0]) == [4, 3])
        #expect(Apportionment.split(100, weights: [1, 3]) == [25, 75])
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let weights = (0..<Int(generator.next() % 60 + 1)).map { _ in Int64(generator.next() % 1_000) }
            let total = Int64(generator.next() % 1_000_000)
            let parts = Apportionment.split(total, weights: weights)
            #expect(parts.reduce(0, +) == total && parts.allSatisfy { $0 >= 0 })
        }
    }
}
