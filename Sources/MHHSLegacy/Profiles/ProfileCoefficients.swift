import MHHSCore
import Synchronization

/// Legacy NHH profile coefficients: for a profile class and GSP group, the fraction of a year's
/// consumption that falls in each settlement period of a date [S], held as integer
/// **pico-fractions** (10⁻¹²) so volumes stay exact.
public protocol ProfileCoefficientSource: Sendable {
    /// One coefficient per settlement period of `date` (46, 48 or 50).
    func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64]
    /// Every date's coefficients of a calendar year, in date order.
    func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]]
}

extension ProfileCoefficientSource {
    public func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]] {
        let first = try! SettlementDate(year: year, month: 1, day: 1)
        var days: [[Int64]] = []
        for dayNumber in first.dayNumber..<first.adding(months: 12).dayNumber {
            days.append(try coefficients(profileClass: profileClass, group: group, date: SettlementDate(dayNumber: dayNumber)))
        }
        return days
    }
}

/// The whole of a year in pico-fractions: a profile's coefficients over a year sum to this [A:
/// DOMAIN §8 asks only that they sum to 1].
public let picoPerYear: Int64 = 1_000_000_000_000

public enum ProfileCoefficientError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownProfileClass(Int)
    case missing(profileClass: Int, group: GSPGroup, date: SettlementDate)
    case malformed(line: Int, reason: String)

    public var description: String {
        switch self {
        case .unknownProfileClass(let pc): "profile class \(pc) has no coefficients (1–8 are defined)"
        case .missing(let pc, let group, let date): "no profile coefficients for PC \(pc), \(group.rawValue), \(date)"
        case .malformed(let line, let reason): "profile coefficients line \(line): \(reason)"
        }
    }
}

/// Another source's coefficients for whole years, computed once: what a run over many dates or
/// many SSCs uses, so each class and group's year is worked out one time.
public struct PrecomputedProfileCoefficients: ProfileCoefficientSource {
    private struct Key: Hashable {
        let profileClass: Int
        let group: GSPGroup
        let year: Int
    }

    private let years: [Key: [[Int64]]]

    public init(
        _ source: any ProfileCoefficientSource, years: ClosedRange<Int>, profileClasses: [Int] = Array(1...8),
        groups: [GSPGroup] = GSPGroup.allCases
    ) throws(ProfileCoefficientError) {
        var table: [Key: [[Int64]]] = [:]
        for year in years {
            for profileClass in profileClasses {
                for group in groups {
                    table[Key(profileClass: profileClass, group: group, year: year)] = try source.year(
                        year, profileClass: profileClass, group: group)
                }
            }
        }
        self.years = table
    }

    public func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]] {
        guard let days = years[Key(profileClass: profileClass, group: group, year: year)] else {
            throw .missing(profileClass: profileClass, group: group, date: try! SettlementDate(year: year, month: 1, day: 1))
        }
        return days
    }

    public func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64] {
        let days = try year(date.year, profileClass: profileClass, group: group)
        return days[date.dayNumber - (try! SettlementDate(year: date.year, month: 1, day: 1)).dayNumber]
    }
}

/// Coefficients read from CSV, `profile_class,gsp_group,settlement_date,sp,coefficient` (the
/// coefficient a decimal fraction of the year with up to 12 decimals), so published ones can
/// replace the synthetic set. A date must have every one of its periods.
public struct ProfileCoefficientTable: ProfileCoefficientSource {
    private struct Key: Hashable {
        let profileClass: Int
        let group: GSPGroup
        let day: Int
    }

    private let table: [Key: [Int64]]

    public init(csv text: String) throws(ProfileCoefficientError) {
        var rows: [Key: [Int: Int64]] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if index == 0 {
                guard line == "profile_class,gsp_group,settlement_date,sp,coefficient" else {
                    throw .malformed(line: 1, reason: "the header must be profile_class,gsp_group,settlement_date,sp,coefficient")
                }
                continue
            }
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 5, let pc = Int(fields[0]), (1...8).contains(pc), let group = GSPGroup(rawValue: String(fields[1])),
                let date = try? SettlementDate(fields[2]), let sp = Int(fields[3]), (1...date.periodCount).contains(sp),
                let coefficient = Self.pico(fields[4])
            else { throw .malformed(line: index + 1, reason: "expected PC 1–8, a GSP group, a date, one of its SPs and a fraction") }
            let key = Key(profileClass: pc, group: group, day: date.dayNumber)
            guard rows[key, default: [:]][sp] == nil else { throw .malformed(line: index + 1, reason: "a second coefficient for SP \(sp)") }
            rows[key, default: [:]][sp] = coefficient
        }
        var table: [Key: [Int64]] = [:]
        for (key, periods) in rows {
            let count = SettlementDate(dayNumber: key.day).periodCount
            guard periods.count == count else {
                throw .malformed(
                    line: 0,
                    reason:
                        "PC \(key.profileClass) \(key.group.rawValue) \(SettlementDate(dayNumber: key.day)) has \(periods.count) of \(count) SPs"
                )
            }
            table[key] = (1...count).map { periods[$0]! }
        }
        self.table = table
    }

    public func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64] {
        guard let values = table[Key(profileClass: profileClass, group: group, day: date.dayNumber)] else {
            throw .missing(profileClass: profileClass, group: group, date: date)
        }
        return values
    }

    /// `0.000012345678` → 12,345,678 pico; at most 12 decimals, not negative.
    static func pico(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole <= 1 else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 12, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
        fraction += String(repeating: "0", count: 12 - fraction.count)
        guard let value = Int64(fraction) else { return nil }
        return whole * picoPerYear + value
    }
}

/// Another source's coefficients, each class, group and year worked out once on first use and
/// kept: the synthetic set computes a whole year to give one date, and a settlement run asks
/// for every class of every group.
public final class CachedProfileCoefficients: ProfileCoefficientSource, Sendable {
    private struct Key: Hashable {
        let profileClass: Int
        let group: GSPGroup
        let year: Int
    }

    private let source: any ProfileCoefficientSource
    private let years = Mutex<[Key: [[Int64]]]>([:])

    public init(_ source: any ProfileCoefficientSource) { self.source = source }

    public func year(_ year: Int, profileClass: Int, group: GSPGroup) throws(ProfileCoefficientError) -> [[Int64]] {
        let key = Key(profileClass: profileClass, group: group, year: year)
        if let cached = years.withLock({ $0[key] }) { return cached }
        let computed = try source.year(year, profileClass: profileClass, group: group)
        years.withLock { $0[key] = computed }
        return computed
    }

    public func coefficients(profileClass: Int, group: GSPGroup, date: SettlementDate) throws(ProfileCoefficientError) -> [Int64] {
        let days = try year(date.year, profileClass: profileClass, group: group)
        return days[date.dayNumber - (try! SettlementDate(year: date.year, month: 1, day: 1)).dayNumber]
    }
}
