import MHHSCore

/// Splits a whole number of Wh over periods in proportion to shape weights, exactly
/// (``ExactShares/largestRemainder(_:weights:)``), so the parts always sum to the total.
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
        let clamped = weights.map { max(0, $0) }
        // No shape to follow: equal shares.
        let shares = clamped.allSatisfy { $0 == 0 } ? clamped.map { _ in Int64(1) } : clamped
        return ExactShares.largestRemainder(total, weights: shares)
    }
}
