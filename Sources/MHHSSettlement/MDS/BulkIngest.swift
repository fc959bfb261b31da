import MHHSCore
import MHHSRegistration

/// The bulk path into MDS: a data service (or the migration) hands over a whole settlement
/// date of one GSP group as a segment file in the store's own layout (``SPSegmentLayout``,
/// docs/SETTLEMENT.md), already in local settlement periods. MDS checks it against the register
/// and the content rules column by column and stores what passes as one new version.
///
/// Rules: the file must be intact (header, sizes, SHA-256 trailer) and rows sorted and unique
/// by (MPAN, MQ); then per row ECS1009 (the MPAN is registered in the group, in the MHHS
/// arrangement, on the date) and per period ECS1010 (negative), ECS1011 (`ZE*` not zero),
/// ECS1012 (above the maximum), ECS1008 (non-actual, non-zero on a de-energised MPAN), and a
/// quality code DI-083 knows (`MSG1001` otherwise). ECS1003 applies to the whole date. [A] The
/// layout has no estimation reason, so ECS1015 cannot apply to bulk data.
public struct BulkIngest: Sendable {
    public let rules: MDSRules

    public init(rules: MDSRules = MDSRules()) { self.rules = rules }

    /// A refused row (period nil) or period of a bulk file.
    public struct Refusal: Sendable, Hashable {
        public let code: ECSCode
        public let mpan: Int64
        public let period: Int?
    }

    public struct Outcome: Sendable {
        public let segment: SPSegmentBuilder
        public let refusals: [Refusal]
        public let acceptedValues: Int
    }

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    /// Checks `file` against the group's register snapshot for its date, as known on receipt.
    public func check(_ file: SPSegment, snapshot: RegisterSnapshot, receivedAt: UTCInstant) throws(Refused) -> Outcome {
        guard file.verifyDigest() else { throw Refused(description: "the SHA-256 trailer does not match the content") }
        guard snapshot.gspGroup == file.gspGroup, snapshot.settlementDate == file.settlementDate else {
            throw Refused(description: "the register snapshot is not of the file's group and date")
        }
        let date = file.settlementDate
        if let final = rules.finalReconciliationDate(date), SettlementDate(dayNumber: receivedAt.utcDayNumber) > final {
            throw Refused(description: "ECS1003: RF for \(date) ran on \(final)")
        }
        let periods = file.periodCount
        let mpans = file.mpans
        let quantities = file.quantities
        for row in 1..<max(file.rowCount, 1) where (mpans[row - 1], quantities[row - 1]) >= (mpans[row], quantities[row]) {
            throw Refused(description: "rows must be sorted and unique by MPAN and MQ (row \(row + 1))")
        }
        var builder = SPSegmentBuilder(settlementDate: date, gspGroup: file.gspGroup, reservingRows: file.rowCount)
        var refusals: [Refusal] = []
        var accepted = 0
        var values = [Int32](repeating: 0, count: periods)
        var quality = [UInt8](repeating: 0, count: periods)
        let codes = QualityCode.all.count
        let zeroEstimates = QualityCode.zeroEstimateBytes
        let actual = QualityCode.actualBytes
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let deEnergisedCode = UInt8(EnergisationStatus.allCases.firstIndex(of: .deEnergised)!)
        let maximum = rules.maximumWattHoursPerPeriod
        var point = 0
        for row in 0..<file.rowCount {
            let mpan = mpans[row]
            while point < snapshot.count, snapshot.mpans[point] < mpan { point += 1 }
            guard point < snapshot.count, snapshot.mpans[point] == mpan, snapshot.arrangement[point] == mhhs, snapshot.supplier[point] >= 0
            else {
                refusals.append(Refusal(code: .meteringPointStatus, mpan: mpan, period: nil))
                continue
            }
            let deEnergised = snapshot.energisation[point] == deEnergisedCode
            let rowValues = file.values.baseAddress! + row * periods
            let rowQuality = file.quality.baseAddress! + row * periods
            var kept = 0
            for period in 0..<periods {
                let code = rowQuality[period]
                let value = rowValues[period]
                values[period] = 0
                quality[period] = 0
                guard code != 0 else { continue }
                let refusal: ECSCode? =
                    Int(code) > codes
                    ? .schemaFailure
                    : value < 0
                        ? .negative
                        : zeroEstimates.contains(code) && value != 0
                            ? .zeroEstimateNotZero
                            : Int64(value) > maximum
                                ? .aboveMaximum : deEnergised && !actual.contains(code) && value != 0 ? .nonActualOnDeEnergised : nil
                if let refusal {
                    refusals.append(Refusal(code: refusal, mpan: mpan, period: period + 1))
                    continue
                }
                values[period] = value
                quality[period] = code
                kept += 1
            }
            guard kept > 0 else { continue }
            accepted += kept
            values.withUnsafeBufferPointer { valueBuffer in
                quality.withUnsafeBufferPointer { qualityBuffer in
                    builder.addRow(mpan: mpan, quantityIndex: quantities[row], version: 0, values: valueBuffer, quality: qualityBuffer)
                }
            }
        }
        return Outcome(segment: builder, refusals: refusals, acceptedValues: accepted)
    }
}
