import MHHSCore

/// Legacy NHH settlement for one GSP group and date [S]: each metering point's annual
/// consumption is split over its SSC's time pattern regimes by their annual fraction of yearly
/// consumption (AFYC: the share of the profile's year that falls in the regime's periods) into
/// the supplier purchase matrix; a cell's SP volume is its annual Wh × the profile coefficient
/// of the period ÷ the regime's AFYC, for the periods of the date in the regime.
///
/// [A] A period the SSC's clock regimes do not cover (an SSC with one partial register) is
/// profiled under the pseudo-regime `UNMAPPED`, and a teleswitched SSC (no clock intervals: its
/// switching times come daily from the teleswitch agent, which we do not receive) wholly under
/// `TELESWITCHED`, so no energy is lost; the matrix says which SSCs these were. A negative
/// annual figure (an AA from a meter fault) is not profiled and is reported.
public struct NHHProfiler: Sendable {
    public static let unmappedRegime = "UNMAPPED"
    public static let teleswitchedRegime = "TELESWITCHED"

    public let coefficients: any ProfileCoefficientSource
    /// The regimes of an SSC (nil: unknown SSC, the point is reported and not profiled).
    public let patterns: @Sendable (String) -> SettlementConfigurationPatterns?

    public init(coefficients: any ProfileCoefficientSource, patterns: @escaping @Sendable (String) -> SettlementConfigurationPatterns?) {
        self.coefficients = coefficients
        self.patterns = patterns
    }

    /// The regime of each period of `date` for an SSC (index into its patterns, -1 unmapped):
    /// the first regime that covers it.
    static func regimeOfPeriods(_ patterns: SettlementConfigurationPatterns, on date: SettlementDate) -> [Int] {
        guard patterns.isClockSwitched else { return Array(repeating: -1, count: date.periodCount) }
        let masks = patterns.periodMasks(on: date)
        return (0..<date.periodCount).map { period in masks.firstIndex { $0 & (1 << UInt64(period)) != 0 } ?? -1 }
    }

    /// AFYC per regime (and the unmapped share last), in pico-fractions of the year.
    func annualFractions(profileClass: Int, group: GSPGroup, ssc patterns: SettlementConfigurationPatterns, year: Int)
        throws(ProfileCoefficientError) -> [Int64]
    {
        var fractions = [Int64](repeating: 0, count: patterns.patterns.count + 1)
        let first = try! SettlementDate(year: year, month: 1, day: 1)
        for (offset, values) in try coefficients.year(year, profileClass: profileClass, group: group).enumerated() {
            for (period, regime) in Self.regimeOfPeriods(patterns, on: first.adding(days: offset)).enumerated() {
                fractions[regime >= 0 ? regime : patterns.patterns.count] += values[period]
            }
        }
        return fractions
    }

    /// The purchase matrix of the points (one group and date): each point's annual Wh split over
    /// its regimes by AFYC, exactly (largest remainder, so a point's cells sum to its annual Wh).
    public func matrix(_ points: [NHHMeteringPoint], on date: SettlementDate) -> PurchaseMatrix {
        var matrix = PurchaseMatrix()
        for point in points.sorted(by: { $0.mpan < $1.mpan }) {
            guard let regimes = patterns(point.ssc) else {
                matrix.unprofiled.append((point.mpan, "SSC \(point.ssc) has no measurement requirements"))
                continue
            }
            guard point.annualWh >= 0 else {
                matrix.unprofiled.append((point.mpan, "negative annual consumption \(point.annualWh) Wh"))
                continue
            }
            if !regimes.isClockSwitched { matrix.teleswitchedSSCs.insert(point.ssc) }
            let cacheKey = "\(date.year)|\(point.profileClass)|\(point.gspGroup.rawValue)|\(point.ssc)"
            let fractions: [Int64]
            if let cached = matrix.annualFractions[cacheKey] {
                fractions = cached
            } else {
                do {
                    fractions = try annualFractions(profileClass: point.profileClass, group: point.gspGroup, ssc: regimes, year: date.year)
                } catch {
                    matrix.unprofiled.append((point.mpan, error.description))
                    continue
                }
                matrix.annualFractions[cacheKey] = fractions
                if regimes.isClockSwitched, Self.overlapsInYear(regimes, year: date.year) { matrix.overlappingSSCs.insert(point.ssc) }
            }
            let names = Self.regimeNames(regimes)
            for (index, share) in ExactShares.largestRemainder(point.annualWh, weights: fractions).enumerated() where fractions[index] > 0 {
                let key = PurchaseMatrixKey(
                    supplier: point.supplier, gspGroup: point.gspGroup, profileClass: point.profileClass, ssc: point.ssc,
                    llfClass: point.llfClass ?? "", tpr: names[index])
                matrix.annualWh[key, default: 0] += share
                matrix.meteringPoints[key, default: 0] += 1
            }
        }
        return matrix
    }

    /// Each matrix cell's Wh per settlement period of `date`: annual Wh × coefficient ÷ AFYC for
    /// the periods in the cell's regime, rounded half up per period.
    public func volumes(_ matrix: PurchaseMatrix, on date: SettlementDate) throws(ProfileCoefficientError) -> [PurchaseMatrixKey: [Int64]] {
        var volumes: [PurchaseMatrixKey: [Int64]] = [:]
        var fractionCache = matrix.annualFractions
        for key in matrix.keys {
            guard let regimes = patterns(key.ssc) else { continue }
            let cacheKey = "\(date.year)|\(key.profileClass)|\(key.gspGroup.rawValue)|\(key.ssc)"
            let fractions: [Int64]
            if let cached = fractionCache[cacheKey] {
                fractions = cached
            } else {
                fractions = try annualFractions(profileClass: key.profileClass, group: key.gspGroup, ssc: regimes, year: date.year)
                fractionCache[cacheKey] = fractions
            }
            let names = Self.regimeNames(regimes)
            guard let regime = names.firstIndex(of: key.tpr), fractions[regime] > 0 else { continue }
            let values = try coefficients.coefficients(profileClass: key.profileClass, group: key.gspGroup, date: date)
            let regimeOf = Self.regimeOfPeriods(regimes, on: date)
            let annual = matrix.annualWh[key]!
            let afyc = fractions[regime]
            volumes[key] = (0..<date.periodCount).map { period in
                let inRegime = regime == regimes.patterns.count ? regimeOf[period] < 0 : regimeOf[period] == regime
                guard inRegime else { return 0 }
                return ExactShares.scaled(annual, times: values[period], over: afyc)
            }
        }
        return volumes
    }

    /// The regimes' ids, then the pseudo-regime for the periods none covers.
    static func regimeNames(_ regimes: SettlementConfigurationPatterns) -> [String] {
        regimes.patterns.map(\.id) + [regimes.isClockSwitched ? unmappedRegime : teleswitchedRegime]
    }

    /// Whether two of the regimes share a period on some date of the year.
    static func overlapsInYear(_ regimes: SettlementConfigurationPatterns, year: Int) -> Bool {
        let first = try! SettlementDate(year: year, month: 1, day: 1)
        return (first.dayNumber..<first.adding(months: 12).dayNumber).contains { regimes.overlaps(on: SettlementDate(dayNumber: $0)) != 0 }
    }
}
