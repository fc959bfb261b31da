/// Integer arithmetic that shares and scales energy exactly: the one place the settlement,
/// load-shaping, data-service and legacy code round a ratio or split a total.
public enum ExactShares {
    /// `value × multiplier ÷ divisor`, rounded half away from zero (`divisor` > 0): in Int64 when
    /// the product fits (every realistic energy × coefficient), else in Int128, so hot loops
    /// cost plain integer arithmetic and nothing overflows.
    @inline(__always)
    public static func scaled(_ value: Int64, times multiplier: Int64, over divisor: Int64) -> Int64 {
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if !overflow, product >= 0, product <= Int64.max - divisor / 2 { return (product + divisor / 2) / divisor }
        return roundedRatio(Int128(value) * Int128(multiplier), Int128(divisor))
    }

    /// `numerator ÷ denominator` rounded half away from zero (`denominator` > 0).
    public static func roundedRatio(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        let half =
            numerator >= 0 ? (2 * numerator + denominator) / (2 * denominator) : -((-2 * numerator + denominator) / (2 * denominator))
        return Int64(half)
    }

    /// `total` (not negative) over non-negative `weights` exactly: each part the floor of its
    /// share, and the units left over one each to the largest remainders (the earlier part first
    /// on a tie), so the parts always sum to `total`. All-zero weights give all-zero parts.
    public static func largestRemainder(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = Int128(weights.reduce(0, +))
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts: [Int64] = []
        var remainders: [(Int128, Int)] = []
        parts.reserveCapacity(weights.count)
        for (index, weight) in weights.enumerated() {
            let exact = Int128(total) * Int128(weight)
            parts.append(Int64(exact / sum))
            remainders.append((exact % sum, index))
        }
        var left = total - parts.reduce(0, +)
        for (_, index) in remainders.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
