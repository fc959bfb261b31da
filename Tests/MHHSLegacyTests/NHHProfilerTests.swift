import Foundation
import MHHSCore
import MHHSStandingData
import MHHSTestSupport
import Testing

@testable import MHHSLegacy

/// The legacy NHH path on hand-made regimes: the purchase matrix splits each EAC by AFYC and a
/// cell's SP volumes are EAC × coefficient ÷ AFYC over its regime's periods.
@Suite("Legacy NHH profiling")
struct NHHProfilerTests {
    /// A flat profile: every period of the year weighs the same (1/17,520 in 2026).
    struct FlatCoefficients: ProfileCoefficientSource {
        func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64] {
            try year(date.year, profileClass: profileClass, group: group)[
                date.dayNumber - (try! SettlementDate(year: date.year, month: 1, day: 1)).dayNumber]
        }

        func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]] {
            let first = try! SettlementDate(year: year, month: 1, day: 1)
            let days = (first.dayNumber..<first.adding(months: 12).dayNumber).map { SettlementDate(dayNumber: $0).periodCount }
            let weights = days.flatMap { Array(repeating: Int64(1), count: $0) }
            let shares = SyntheticProfileCoefficients.cumulativeShares(weights, before: 0, total: Int64(weights.count))
            var offset = 0
            return days.map { count in
                defer { offset += count }
                return Array(shares[offset..<offset + count])
            }
        }
    }

    static func intervals(_ tpr: String, from: Int, to: Int) -> [ClockIntervalRecord] {
        (1...7).map {
            ClockIntervalRecord(
                timePatternRegime: tpr, dayOfWeek: $0, startDay: 1, startMonth: 1, endDay: 31, endMonth: 12, startMinute: from,
                endMinute: to)
        }
    }

    /// An Economy 7 style SSC: night 00:30–07:30 local (7 h), day the rest (17 h).
    static let economy7 = SettlementConfigurationPatterns(
        ssc: "E7",
        patterns: [
            TimePattern(id: "NIGHT", isGMT: false, intervals: intervals("NIGHT", from: 30, to: 450)),
            TimePattern(id: "DAY", isGMT: false, intervals: intervals("DAY", from: 0, to: 30) + intervals("DAY", from: 450, to: 1_440)),
        ])
    /// Night only: the day hours are covered by no regime (as for MDD regimes without intervals).
    static let nightOnly = SettlementConfigurationPatterns(
        ssc: "N", patterns: [TimePattern(id: "NIGHT", isGMT: false, intervals: intervals("NIGHT", from: 30, to: 450))])

    static func profiler(_ coefficients: any ProfileCoefficientSource = FlatCoefficients()) -> NHHProfiler {
        NHHProfiler(coefficients: coefficients) { ssc in ssc == "E7" ? economy7 : ssc == "N" ? nightOnly : nil }
    }

    static func point(_ number: Int, ssc: String = "E7", annualWh: Int64 = 17_520_000) -> NHHMeteringPoint {
        NHHMeteringPoint(
            mpan: try! MPAN(["1000000000012", "1000000000021", "1000000000030"][number]), supplier: try! MPID("SUPA"),
            gspGroup: .eastern, profileClass: 2, ssc: ssc, llfClass: "1", annualWh: annualWh)
    }

    /// Flat profile, 17,520 kWh a year: 1 kWh every half hour. The night regime holds 14 of 48
    /// half hours on ordinary days, so its AFYC is about 7/24 and the matrix splits each EAC so.
    @Test func theMatrixSplitsEACByAnnualFraction() throws {
        let date = try SettlementDate("2026-11-02")
        let matrix = Self.profiler().matrix([Self.point(0), Self.point(1), Self.point(2, ssc: "??")], on: date)
        #expect(matrix.unprofiled.map(\.reason) == ["SSC ?? has no measurement requirements"])
        let night = try #require(matrix.keys.first { $0.tpr == "NIGHT" })
        let day = try #require(matrix.keys.first { $0.tpr == "DAY" })
        #expect(matrix.annualWh[night]! + matrix.annualWh[day]! == 2 * 17_520_000)
        #expect(matrix.meteringPoints[night] == 2 && matrix.keys.count == 2)
        // 14 night half hours a day, 12 on the spring change and 16 on the autumn one: 5,110.
        #expect(abs(matrix.annualWh[night]! - 2 * 17_520_000 * 5_110 / 17_520) <= 2)

        let volumes = try Self.profiler().volumes(matrix, on: date)
        let nightVolumes = try #require(volumes[night])
        let dayVolumes = try #require(volumes[day])
        // Every half hour of the day carries 2 kWh (two points), in exactly one regime.
        for period in 0..<48 { #expect(nightVolumes[period] + dayVolumes[period] == 2_000, "SP \(period + 1)") }
        #expect(nightVolumes[1] == 2_000 && nightVolumes[0] == 0 && dayVolumes[0] == 2_000)
    }

    /// Uncovered half hours go to UNMAPPED, so no energy is lost; the autumn day has 50 periods.
    @Test func uncoveredPeriodsAreProfiledUnmapped() throws {
        let date = try SettlementDate("2026-10-25")
        let matrix = Self.profiler().matrix([Self.point(0, ssc: "N")], on: date)
        #expect(matrix.keys.map(\.tpr).sorted() == ["NIGHT", NHHProfiler.unmappedRegime])
        let volumes = try Self.profiler().volumes(matrix, on: date)
        let total = volumes.values.reduce(0) { $0 + $1.reduce(0, +) }
        #expect(volumes.values.allSatisfy { $0.count == 50 } && total == 50_000)
    }

    /// Volumes on a date of another year than the matrix's divide by that year's AFYC; a
    /// negative AA is reported, not profiled; a teleswitched SSC is profiled whole.
    @Test func yearsNegativeFiguresAndTeleswitchedSSCs() throws {
        let profiler = NHHProfiler(coefficients: FlatCoefficients()) { ssc in
            ssc == "T"
                ? SettlementConfigurationPatterns(
                    ssc: "T",
                    patterns: [TimePattern(regime: TimePatternRegimeRecord(id: "S1", teleswitchOrClock: "S", isGMT: false), intervals: [])])
                : ssc == "E7" ? Self.economy7 : nil
        }
        let matrix = profiler.matrix(
            [Self.point(0), Self.point(1, annualWh: -5), Self.point(2, ssc: "T")], on: try SettlementDate("2026-12-31"))
        #expect(matrix.unprofiled.map(\.reason) == ["negative annual consumption -5 Wh"])
        #expect(matrix.teleswitchedSSCs == ["T"] && matrix.keys.contains { $0.tpr == NHHProfiler.teleswitchedRegime })
        let nextYear = try profiler.volumes(matrix, on: try SettlementDate("2027-01-01"))
        // 2027 is also 17,520 half hours: 1 kWh each for each point, in one regime or another.
        let day = (0..<48).map { period in nextYear.values.reduce(0) { $0 + $1[period] } }
        #expect(day.allSatisfy { $0 == 2_000 }, "\(day)")
    }

    /// The synthetic profiles over a year: a point's SP volumes over every day of 2026 add up to
    /// its EAC within the per-period rounding.
    @Test func aYearOfVolumesAddsUpToTheEAC() throws {
        let profiler = Self.profiler(
            try PrecomputedProfileCoefficients(SyntheticProfileCoefficients(), years: 2026...2026, profileClasses: [2], groups: [.eastern]))
        var total: Int64 = 0
        var date = try SettlementDate("2026-01-01")
        let matrix = profiler.matrix([Self.point(0, annualWh: 3_300_000)], on: date)
        var periods = 0
        while date.year == 2026 {
            let volumes = try profiler.volumes(matrix, on: date)
            total += volumes.values.reduce(0) { $0 + $1.reduce(0, +) }
            periods += date.periodCount
            date = date.adding(days: 1)
        }
        #expect(periods == 17_520)
        #expect(abs(total - 3_300_000) < 3_300)  // within 0.1 %
    }
}

@Suite("Legacy NHH volumes for the VAS")
struct LegacyNHHVolumesTests {
    /// The Int64 fast path and the Int128 path round the same, half up.
    @Test func sharesRoundHalfUpOnBothPaths() {
        func share(_ annual: Int64, _ coefficient: Int64) -> Int64 { ExactShares.scaled(annual, times: coefficient, over: picoPerYear) }
        #expect(share(1_000, 500_000_000) == 1)  // 0.5 Wh → 1
        #expect(share(1_000, 499_999_999) == 0)
        #expect(share(3_650_000, 57_077_626) == 208)  // 208.33
        let huge: Int64 = 400_000_000_000  // 400 GWh: the product overflows Int64
        let coefficient: Int64 = 57_077_626
        let exact = (2 * Int128(huge) * Int128(coefficient) + 1_000_000_000_000) / 2_000_000_000_000
        #expect(share(huge, coefficient) == Int64(exact))
    }
}
