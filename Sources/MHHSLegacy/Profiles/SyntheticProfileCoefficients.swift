import MHHSCore

/// [A] A generated, documented set of profile coefficients for the 8 legacy profile classes:
/// the real ones (regressions on ~2,500 sites) are not public, and DOMAIN §8 accepts synthetic
/// ones that sum to 1 over a year. `ProfileCoefficientTable` replaces them with real ones.
///
/// A period's weight is an integer product: the class's daily shape at the period's local
/// half hour × its day type (weekday, Saturday, Sunday; bank holidays count as Sunday) × its
/// month × a winter uplift for northern GSP groups. Each (class, group, calendar year) is then
/// normalised to exactly ``picoPerYear`` by cumulative rounding over the year's periods in order
/// (a period gets ⌊T·(W₁+…+Wⱼ)/ΣW⌋ − ⌊T·(W₁+…+Wⱼ₋₁)/ΣW⌋): the year sums to exactly 1, each
/// coefficient is within one pico of its exact share, and a date needs only the weights before
/// it, not a sort of the year. Integer arithmetic throughout, so every machine gets the same.
public struct SyntheticProfileCoefficients: ProfileCoefficientSource {
    public init() {}

    public func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64] {
        guard (1...8).contains(profileClass) else { throw .unknownProfileClass(profileClass) }
        let first = try! SettlementDate(year: date.year, month: 1, day: 1)
        var total: Int64 = 0
        var before: Int64 = 0
        for dayNumber in first.dayNumber..<first.adding(months: 12).dayNumber {
            let sum = Self.weights(profileClass: profileClass, group: group, date: SettlementDate(dayNumber: dayNumber)).reduce(0, +)
            if dayNumber < date.dayNumber { before += sum }
            total += sum
        }
        return Self.cumulativeShares(Self.weights(profileClass: profileClass, group: group, date: date), before: before, total: total)
    }

    /// Every date's coefficients of a class and group for a calendar year, in date order.
    public func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]] {
        guard (1...8).contains(profileClass) else { throw .unknownProfileClass(profileClass) }
        let first = try! SettlementDate(year: year, month: 1, day: 1)
        let days = (first.dayNumber..<first.adding(months: 12).dayNumber).map {
            Self.weights(profileClass: profileClass, group: group, date: SettlementDate(dayNumber: $0))
        }
        let total = days.reduce(0) { $0 + $1.reduce(0, +) }
        var before: Int64 = 0
        return days.map { weights in
            defer { before += weights.reduce(0, +) }
            return Self.cumulativeShares(weights, before: before, total: total)
        }
    }

    /// The pico shares of `weights` when `before` weight precedes them in a year of `total`.
    static func cumulativeShares(_ weights: [Int64], before: Int64, total: Int64) -> [Int64] {
        func floorShare(_ cumulative: Int64) -> Int64 { Int64(Int128(cumulative) * Int128(picoPerYear) / Int128(total)) }
        var cumulative = before
        var previous = floorShare(before)
        return weights.map { weight in
            cumulative += weight
            let next = floorShare(cumulative)
            defer { previous = next }
            return next - previous
        }
    }

    /// The raw integer weights of one date's periods.
    static func weights(profileClass: Int, group: GSPGroup, date: SettlementDate) -> [Int64] {
        let shape = dailyShape(profileClass)
        let domestic = profileClass <= 2
        let dayType: Int64
        switch (date.isoWeekday, EnglandWalesBankHolidays.isHoliday(date)) {
        case (_, true), (7, _): dayType = domestic ? 110 : 45
        case (6, _): dayType = domestic ? 105 : 60
        default: dayType = 100
        }
        let month = date.components.month - 1
        let seasonal = (domestic ? domesticMonths : nonDomesticMonths)[month] * (100 + northernWinter(group) * winterIndex[month])
        return (0..<date.periodCount).map { period in
            // The period's local half hour: 01:00–02:00 twice on the autumn day, never in spring.
            let start = date.startInstant.adding(seconds: Int64(period) * settlementPeriodSeconds)
            let local = start.adding(seconds: LondonClock.utcOffsetSeconds(at: start))
            return shape[Int(local.secondOfUTCDay / settlementPeriodSeconds)] * dayType * seasonal
        }
    }

    /// 48 local half-hour weights of a class: domestic unrestricted with morning and evening
    /// peaks; Economy 7 classes heavy from 00:30 to 07:30; non-domestic in working hours; the
    /// maximum-demand classes 5–8 flatter as their load factor rises.
    static func dailyShape(_ profileClass: Int) -> [Int64] {
        (0..<48).map { slot -> Int64 in
            let night = slot < 12
            let economy7 = (1...14).contains(slot)
            let morning = (14...17).contains(slot)
            let working = (16...35).contains(slot)
            let evening = (33...41).contains(slot)
            switch profileClass {
            case 1: return night ? 25 : morning ? 60 : evening ? 80 : slot >= 42 ? 55 : 45
            case 2: return economy7 ? 90 : morning ? 48 : evening ? 64 : slot >= 42 ? 44 : 36
            case 3: return working ? 80 : night ? 20 : 40
            case 4: return economy7 ? 70 : working ? 70 : 30
            default:
                // 5: load factor < 20 % … 8: > 40 %: the night share rises with the class.
                let nightWeight = Int64(20 + (profileClass - 5) * 10)
                return working ? 90 - Int64(profileClass - 5) * 10 : nightWeight
            }
        }
    }

    static let domesticMonths: [Int64] = [130, 125, 115, 100, 90, 80, 78, 80, 88, 100, 115, 128]
    static let nonDomesticMonths: [Int64] = [115, 112, 106, 100, 95, 92, 92, 92, 95, 100, 108, 114]
    static let winterIndex: [Int64] = [3, 3, 2, 1, 0, 0, 0, 0, 0, 1, 2, 3]

    /// Extra winter weight (percent per winter-index step) for the northern groups.
    static func northernWinter(_ group: GSPGroup) -> Int64 {
        switch group {
        case .southScotland, .northScotland: 8
        case .northern, .northWestern, .yorkshire, .merseysideAndNorthWales: 4
        default: 0
        }
    }
}
