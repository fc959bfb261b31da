import Foundation
import MHHSCore
import MHHSStandingData
import MHHSTestSupport
import Testing

@testable import MHHSLegacy

/// Legacy NHH profiling foundations: time pattern regimes from Market Domain Data, and the
/// synthetic profile coefficients.
@Suite("Legacy profiles and time patterns")
struct ProfileTests {
    static func date(_ text: String) -> SettlementDate { try! SettlementDate(text) }

    static func interval(_ tpr: String, day: Int, from: String, to: String, months: (Int, Int, Int, Int) = (1, 1, 31, 12))
        -> ClockIntervalRecord
    {
        func minutes(_ text: String) -> Int { Int(text.prefix(2))! * 60 + Int(text.suffix(2))! }
        return ClockIntervalRecord(
            timePatternRegime: tpr, dayOfWeek: day, startDay: months.0, startMonth: months.1, endDay: months.2, endMonth: months.3,
            startMinute: minutes(from), endMinute: minutes(to))
    }

    static func periods(_ mask: UInt64) -> [Int] { (0..<64).filter { mask & (1 << UInt64($0)) != 0 }.map { $0 + 1 } }

    /// 00:00–07:00 every day: in local time SP 1–14 all year; in GMT, on a BST date, the local
    /// hours 01:00–08:00 (SP 3–16) and the previous GMT evening's hour never (it is not in 00:00–07:00).
    @Test func gmtAndLocalRegimesDifferInSummer() {
        let intervals = (1...7).map { Self.interval("X", day: $0, from: "00:00", to: "07:00") }
        let local = TimePattern(id: "L", isGMT: false, intervals: intervals)
        let gmt = TimePattern(id: "G", isGMT: true, intervals: intervals)
        #expect(Self.periods(local.periodMask(on: Self.date("2026-07-15"))) == Array(1...14))
        #expect(Self.periods(gmt.periodMask(on: Self.date("2026-07-15"))) == Array(3...16))
        #expect(Self.periods(gmt.periodMask(on: Self.date("2026-01-14"))) == Array(1...14))
        // Clock-change days: spring (46 SPs) loses local 01:00–02:00; autumn (50) has it twice.
        #expect(Self.periods(local.periodMask(on: Self.date("2026-03-29"))) == Array(1...12))
        #expect(Self.periods(local.periodMask(on: Self.date("2026-10-25"))) == Array(1...16))
        #expect(Self.periods(gmt.periodMask(on: Self.date("2026-10-25"))) == Array(3...16))
    }

    @Test func dayOfWeekAndWrappingDateRanges() {
        // Weekdays only, 1 November – 31 March.
        let winter = TimePattern(
            id: "W", isGMT: true,
            intervals: (1...5).map { Self.interval("W", day: $0, from: "16:00", to: "19:00", months: (1, 11, 31, 3)) })
        #expect(Self.periods(winter.periodMask(on: Self.date("2026-01-14"))) == Array(33...38))  // Wednesday
        #expect(winter.periodMask(on: Self.date("2026-01-17")) == 0)  // Saturday
        #expect(winter.periodMask(on: Self.date("2026-07-15")) == 0)  // summer
        #expect(Self.periods(winter.periodMask(on: Self.date("2026-11-02"))) == Array(33...38))
        // The range's own edges: 31 March in, 1 April out; 31 October out, 1 November in.
        #expect(winter.periodMask(on: Self.date("2026-03-31")) != 0 && winter.periodMask(on: Self.date("2026-04-01")) == 0)
        #expect(winter.periodMask(on: Self.date("2025-10-31")) == 0 && winter.periodMask(on: Self.date("2027-11-01")) != 0)
    }

    /// A GMT regime on a BST date: SP 1–2 (23:00–24:00 GMT) belong to the previous GMT day, so a
    /// Monday-only 23:00–24:00 GMT regime covers SP 1–2 of the Tuesday.
    @Test func gmtRegimesUseThePreviousGMTDayForTheFirstPeriodsInSummer() {
        let monday = TimePattern(id: "M", isGMT: true, intervals: [Self.interval("M", day: 1, from: "23:00", to: "24:00")])
        #expect(Self.periods(monday.periodMask(on: Self.date("2026-07-14"))) == [1, 2])  // Tuesday
        #expect(Self.periods(monday.periodMask(on: Self.date("2026-07-13"))) == [])  // Monday: its 23:00 GMT is Tuesday's SP 1
        #expect(Self.periods(monday.periodMask(on: Self.date("2026-01-12"))) == [47, 48])  // a GMT Monday
    }

    /// Real MDD v377: SSC 0393's one regime covers every period of every day; SSC 0003's GMT
    /// off-peak regime (00:00–06:30 and 20:30–24:00 GMT) is 20 periods in winter and in summer.
    @Test func realSettlementConfigurations() throws {
        guard let folder = ReferenceData.path("mdd-377") else {
            print(ReferenceData.missingMessage)
            return
        }
        let mdd = try MarketDomainDataImporter.load(directory: folder)
        let unrestricted = try #require(SettlementConfigurationPatterns(ssc: "0393", marketDomainData: mdd))
        for text in ["2026-01-14", "2026-03-29", "2026-07-15", "2026-10-25"] {
            #expect(unrestricted.gaps(on: Self.date(text)) == 0 && unrestricted.overlaps(on: Self.date(text)) == 0, "\(text)")
        }
        // TPR 00002 (GMT) has intervals off the half hour: 00:00–00:15, 04:15–11:30,
        // 12:30–14:15, 15:45–20:30, 22:00–24:00. By midpoint: SP 9–23, 26–28, 32–41, 45–48.
        let quarterHours = try #require(SettlementConfigurationPatterns(ssc: "0591", marketDomainData: mdd))
        let tpr00002 = try #require(quarterHours.patterns.first { $0.id == "00002" })
        #expect(
            Self.periods(tpr00002.periodMask(on: Self.date("2026-01-14"))) == Array(9...23) + Array(26...28) + Array(32...41)
                + Array(45...48))
        // Teleswitched SSCs (indicator S) have no clock intervals.
        let teleswitched = try #require(SettlementConfigurationPatterns(ssc: "0009", marketDomainData: mdd))
        #expect(!teleswitched.isClockSwitched && teleswitched.periodMasks(on: Self.date("2026-01-14")).allSatisfy { $0 == 0 })
        #expect(unrestricted.isClockSwitched)
        let offPeak = try #require(SettlementConfigurationPatterns(ssc: "0003", marketDomainData: mdd))
        #expect(offPeak.patterns.map(\.id) == ["00166"] && offPeak.patterns[0].isGMT)
        #expect(Self.periods(offPeak.periodMasks(on: Self.date("2026-01-14"))[0]) == Array(1...13) + Array(42...48))
        #expect(Self.periods(offPeak.periodMasks(on: Self.date("2026-07-15"))[0]) == Array(1...15) + Array(44...48))
    }

    /// Every class and group sums to exactly 1 over the year, the clock-change days have 46 and
    /// 50 coefficients, and the figures do not change between calls.
    @Test func syntheticCoefficientsSumToOneOverTheYear() throws {
        let source = SyntheticProfileCoefficients()
        for profileClass in 1...8 {
            for group in [GSPGroup.london, .northScotland] {
                let year = try source.year(2026, profileClass: profileClass, group: group)
                #expect(year.count == 365 && year.reduce(0) { $0 + $1.reduce(0, +) } == picoPerYear)
                #expect(year[87].count == 46 && year[297].count == 50)  // 29 March is day 88; 25 October day 298
                // One date alone gives the same figures as the whole year.
                #expect(try source.coefficients(profileClass: profileClass, group: group, date: Self.date("2026-10-25")) == year[297])
            }
        }
        #expect(try source.year(2028, profileClass: 1, group: .london).count == 366)
        #expect(try source.coefficients(profileClass: 1, group: .london, date: Self.date("2026-03-29")).count == 46)
        #expect(try source.coefficients(profileClass: 1, group: .london, date: Self.date("2026-10-25")).count == 50)
        let once = try source.coefficients(profileClass: 2, group: .yorkshire, date: Self.date("2026-11-02"))
        #expect(try source.coefficients(profileClass: 2, group: .yorkshire, date: Self.date("2026-11-02")) == once)
        #expect(throws: ProfileCoefficientError.unknownProfileClass(9)) {
            try source.coefficients(profileClass: 9, group: .london, date: Self.date("2026-11-02"))
        }
    }

    /// Economy 7 puts more of a day in its night hours than unrestricted does; non-domestic
    /// weekends are lighter than weekdays; northern winters heavier relative to summer.
    @Test func syntheticShapesBehaveLikeTheirClasses() throws {
        let source = SyntheticProfileCoefficients()
        func share(_ pc: Int, _ date: String, _ periods: ClosedRange<Int>) throws -> Double {
            let values = try source.coefficients(profileClass: pc, group: .london, date: Self.date(date))
            return Double(values[periods].reduce(0, +)) / Double(values.reduce(0, +))
        }
        #expect(try share(2, "2026-11-04", 1...14) > 2 * share(1, "2026-11-04", 1...14))
        let weekday = try source.coefficients(profileClass: 3, group: .london, date: Self.date("2026-11-04")).reduce(0, +)
        let sunday = try source.coefficients(profileClass: 3, group: .london, date: Self.date("2026-11-08")).reduce(0, +)
        #expect(sunday * 2 < weekday)
        func winterToSummer(_ group: GSPGroup) throws -> Double {
            let january = try source.coefficients(profileClass: 1, group: group, date: Self.date("2026-01-14")).reduce(0, +)
            let july = try source.coefficients(profileClass: 1, group: group, date: Self.date("2026-07-15")).reduce(0, +)
            return Double(january) / Double(july)
        }
        #expect(try winterToSummer(.northScotland) > winterToSummer(.london))
    }

    @Test func coefficientTablesReadCSV() throws {
        var csv = "profile_class,gsp_group,settlement_date,sp,coefficient\n"
        for sp in 1...48 { csv += "1,_C,2026-11-02,\(sp),0.0000\(String(format: "%02d", sp))\n" }
        let table = try ProfileCoefficientTable(csv: csv)
        let values = try table.coefficients(profileClass: 1, group: .london, date: Self.date("2026-11-02"))
        #expect(values.count == 48 && values[0] == 1_000_000 && values[47] == 48_000_000)
        #expect(throws: ProfileCoefficientError.missing(profileClass: 1, group: .london, date: Self.date("2026-11-03"))) {
            try table.coefficients(profileClass: 1, group: .london, date: Self.date("2026-11-03"))
        }
        #expect(throws: ProfileCoefficientError.self) {
            try ProfileCoefficientTable(csv: "profile_class,gsp_group,settlement_date,sp,coefficient\n1,_C,2026-11-02,1,0.1\n")
        }
        #expect(throws: ProfileCoefficientError.self) {
            try ProfileCoefficientTable(csv: "profile_class,gsp_group,settlement_date,sp,coefficient\n9,_C,2026-11-02,1,0.1\n")
        }
    }
}
