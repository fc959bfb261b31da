import MHHSCore
import MHHSSettlement
import Testing

@Suite("GSP group correction")
struct GroupCorrectionTests {
    @Test func worksTheDomainFormulaByHand() {
        // C = 1,000 (W 1), 50 (W 1), 2,000 (W 0) Wh; take 3,113 Wh: F = 1 + 63 / 1,050 = 1.06.
        let outcome = GroupCorrectionMath.correct(
            volumesMicroWh: [1_000_000_000, 50_000_000, 2_000_000_000], weightsMillionths: [1_000_000, 1_000_000, 0], takeWh: 3_113)
        #expect(outcome.correctedMilliWh == [1_060_000, 53_000, 2_000_000])
        #expect(outcome.factorNanos == 1_060_000_000)
        #expect(outcome.outcome == .applied)
    }

    /// Seeded random groups: the corrected volumes always sum to the take to the mWh, cells
    /// with weight 0 keep their volume, and the rest move in proportion to W·C within 1 mWh.
    @Test(arguments: 1...200)
    func correctedVolumesSumToTheTakeExactly(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int(random.next() % 40) + 1
        let volumes = (0..<count).map { _ in Int64(random.next() % 5_000_000_000_000) }
        let weights = (0..<count).map { _ in [0, 500_000, 1_000_000, 250_000][Int(random.next() % 4)] as Int64 }
        let total = volumes.reduce(0, +) / 1_000_000
        let take = max(0, total + Int64(random.next() % 200_000) - 100_000)
        let outcome = GroupCorrectionMath.correct(volumesMicroWh: volumes, weightsMillionths: weights, takeWh: take)
        guard outcome.weighted != 0 else { return }
        #expect(outcome.correctedMilliWh.reduce(0, +) == take * 1_000)
        for index in volumes.indices where weights[index] == 0 {
            #expect(outcome.correctedMilliWh[index] == (volumes[index] + 500) / 1_000)
        }
    }

    @Test func leavesVolumesUncorrectedWithoutATakeAndFlagsAFactorOutOfRange() {
        let none = GroupCorrectionMath.correct(volumesMicroWh: [1_234_567], weightsMillionths: [1_000_000], takeWh: nil)
        #expect(none.outcome == .noTake && none.correctedMilliWh == [1_235] && none.factorNanos == 1_000_000_000)
        let wild = GroupCorrectionMath.correct(volumesMicroWh: [1_000_000_000], weightsMillionths: [1_000_000], takeWh: 2_000)
        #expect(wild.outcome == .appliedOutsideRange && wild.factorNanos == 2_000_000_000 && wild.correctedMilliWh == [2_000_000])
        let stuck = GroupCorrectionMath.correct(volumesMicroWh: [1_000_000_000], weightsMillionths: [0], takeWh: 2_000)
        #expect(stuck.outcome == .nothingCorrectable && stuck.correctedMilliWh == [1_000_000])
    }
}
