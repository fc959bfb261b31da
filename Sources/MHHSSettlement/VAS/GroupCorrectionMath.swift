/// The arithmetic of GSP group correction for one period and direction, exact until the final
/// rounding (see ``GroupSettlementCalculator``).
public enum GroupCorrectionMath {
    public struct Outcome: Sendable, Hashable {
        public let correctedMilliWh: [Int64]
        public let weighted: Int128
        public let factorNanos: Int64
        public let outcome: GroupCorrection.Outcome
    }

    /// Volumes in µWh with weights in millionths (0…1,000,000) against a take in Wh.
    public static func correct(volumesMicroWh volumes: [Int64], weightsMillionths weights: [Int64], takeWh: Int64?) -> Outcome {
        let rounded = volumes.map { roundHalfAway(Int128($0), 1_000) }
        let total = volumes.reduce(Int128(0)) { $0 + Int128($1) }
        let weighted = zip(volumes, weights).reduce(Int128(0)) { $0 + Int128($1.0) * Int128($1.1) }
        guard let takeWh else {
            return Outcome(correctedMilliWh: rounded, weighted: weighted, factorNanos: 1_000_000_000, outcome: .noTake)
        }
        let take = Int128(takeWh) * 1_000_000
        let difference = take - total
        // Σ(W·C) ≤ 0 (nothing correctable, or losses below zero outweighing the rest: LLFs
        // under 1 exist) has no meaningful factor: leave the volumes and report it.
        guard weighted > 0 else {
            let outcome: GroupCorrection.Outcome = difference == 0 ? .applied : .nothingCorrectable
            return Outcome(correctedMilliWh: rounded, weighted: weighted, factorNanos: 1_000_000_000, outcome: outcome)
        }
        // F − 1 = D / Σ(W·C) with W real = weighted / 10⁶; in nanos: D × 10¹⁵ / weighted.
        let factorNanos = 1_000_000_000 + Int128(roundHalfAway(difference * 1_000_000_000_000_000, weighted))
        // Exact C' × Σ(W·C) = C·Σ(W·C) + D·W·C, in µWh × (µWh × 10⁶); floor to mWh, then hand the
        // remaining mWh to the correctable cells with the largest remainders (earliest first on ties).
        let denominator = weighted * 1_000
        var corrected = rounded
        var remainders: [(remainder: Int128, index: Int)] = []
        var assigned: Int128 = 0
        for index in volumes.indices {
            guard weights[index] != 0 else {
                assigned += Int128(rounded[index])
                continue
            }
            let numerator = Int128(volumes[index]) * weighted + difference * Int128(weights[index]) * Int128(volumes[index])
            let (quotient, remainder) = floorDivide(numerator, denominator)
            corrected[index] = Int64(quotient)
            assigned += quotient
            remainders.append((remainder, index))
        }
        var missing = Int(take / 1_000 - assigned)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        // Rounding the non-correctable cells can leave the total a few mWh either side.
        var position = 0
        while missing > 0, !remainders.isEmpty {
            corrected[remainders[position % remainders.count].index] += 1
            missing -= 1
            position += 1
        }
        position = 0
        while missing < 0, !remainders.isEmpty {
            corrected[remainders[remainders.count - 1 - position % remainders.count].index] -= 1
            missing += 1
            position += 1
        }
        let inRange = (900_000_000...1_100_000_000).contains(factorNanos)
        return Outcome(
            correctedMilliWh: corrected, weighted: weighted,
            factorNanos: Int64(clamping: max(min(factorNanos, Int128(Int64.max)), Int128(Int64.min))),
            outcome: inRange ? .applied : .appliedOutsideRange)
    }

    static func floorDivide(_ numerator: Int128, _ denominator: Int128) -> (Int128, Int128) {
        var quotient = numerator / denominator
        var remainder = numerator % denominator
        if remainder < 0 {
            quotient -= 1
            remainder += denominator
        }
        return (quotient, remainder)
    }

    /// Rounds half away from zero; results beyond Int64 are clamped (only an absurd factor
    /// can get there, and it is flagged as out of range).
    static func roundHalfAway(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        let clamped = Int64(clamping: magnitude)
        return (numerator < 0) != (denominator < 0) ? -clamped : clamped
    }
}
