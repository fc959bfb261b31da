/// Splits a whole number of Wh over periods in proportion to weights, exactly: every period
/// gets the floor of its share, and the Wh left over go one each to the largest remainders
/// (the earlier period first on a tie), so the parts always sum to the total.
enum Apportionment {
    /// The weights of half hours some of which have no shape value: [A] a missing one takes the
    /// mean of the known ones (all equal when none is known), so a span reaching back before the
    /// LSS's first run does not pile its energy onto the half hours that have a shape.
    static func filled(_ weights: [Int64?]) -> [Int64] {
        let known = weights.compactMap { $0 }
        let mean = known.isEmpty ? 1 : max(1, known.reduce(0, +) / Int64(known.count))
        return weights.map { $0 ?? mean }
    }

    static func split(_ total: Int64, weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty else { return [] }
        let clamped = weights.map { max(0, $0) }
        let sum = clamped.reduce(0, +)
        // No shape to follow: equal shares.
        let shares = sum == 0 ? Array(repeating: Int64(1), count: weights.count) : clamped
        let denominator = Int128(shares.reduce(0, +))
        var parts: [Int64] = []
        var remainders: [(Int128, Int)] = []
        for (index, share) in shares.enumerated() {
            let exact = Int128(total) * Int128(share)
            parts.append(Int64(exact / denominator))
            remainders.append((exact % denominator, index))
        }
        var left = total - parts.reduce(0, +)
        for (_, index) in remainders.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
