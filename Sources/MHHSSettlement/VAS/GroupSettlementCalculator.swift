import MHHSCore

/// Losses and GSP group correction for one group (DOMAIN.md §5): from a ``GroupAllocation``
/// to a ``GroupSettlement``.
///
/// Losses per period = consumption × (LLF − 1), exact in µWh. Correction per period and
/// direction d with take T: C' = C + (T − ΣC) · W·C / Σ(W·C), computed as an exact fraction
/// and rounded to mWh by the largest-remainder rule over the correctable cells, so
/// Σ C' = T to the mWh; non-correctable cells (W = 0) are rounded half away from zero.
public struct GroupSettlementCalculator: Sendable {
    public let classes: CCCTable
    /// The factors of a distributor's class per period in millionths, or nil when none are
    /// known (the default is then used and reported).
    public let lineLossFactors: @Sendable (_ distributor: MPID?, _ llfClass: String?) -> [Int64]?
    /// [A] 1.0: no losses where the LLF is missing (reported in REP-008).
    public let defaultFactorMillionths: Int64
    /// The take per period (index 0 = SP 1) and direction in Wh, when imported.
    public let take: @Sendable (_ period: Int, _ direction: EnergyDirection) -> Int64?

    public init(
        classes: CCCTable, defaultFactorMillionths: Int64 = 1_000_000,
        lineLossFactors: @escaping @Sendable (MPID?, String?) -> [Int64]?,
        take: @escaping @Sendable (Int, EnergyDirection) -> Int64?
    ) {
        self.classes = classes
        self.defaultFactorMillionths = defaultFactorMillionths
        self.lineLossFactors = lineLossFactors
        self.take = take
    }

    private struct CellKey: Hashable, Comparable {
        let supplier: String
        let bmUnit: String
        let ccc: Int
        static func < (lhs: CellKey, rhs: CellKey) -> Bool { (lhs.supplier, lhs.bmUnit, lhs.ccc) < (rhs.supplier, rhs.bmUnit, rhs.ccc) }
    }

    public func settle(_ allocation: GroupAllocation) -> GroupSettlement {
        let periods = allocation.periodCount
        var cellSums: [CellKey: [Int64]] = [:]
        var cellCounts: [CellKey: Int] = [:]
        var suppliers: [String: MPID] = [:]
        var lossUses: [String: LineLossUse] = [:]
        for (keyIndex, key) in allocation.keys.enumerated() {
            suppliers[key.supplier.value] = key.supplier
            let lossKey = "\(key.distributor?.value ?? "")|\(key.llfClass ?? "")"
            let cached = lossUses[lossKey]
            let known = cached == nil ? lineLossFactors(key.distributor, key.llfClass) : nil
            let usedDefault = cached?.usedDefault ?? (known?.count != periods)
            let factors = cached?.factorsMillionths ?? (usedDefault ? Array(repeating: defaultFactorMillionths, count: periods) : known!)
            var consumptionTotal: Int64 = 0
            var losses = [Int64](repeating: 0, count: periods)
            for kind in ConsumptionComponentClass.DataKind.allCases {
                let ccc = classes.index(.consumption, direction: key.direction, meteringClass: key.meteringClass, dataKind: kind)
                let cell = CellKey(supplier: key.supplier.value, bmUnit: key.bmUnit, ccc: ccc)
                cellCounts[cell, default: 0] += allocation.meteringPointCounts[keyIndex]
                var sums = cellSums[cell] ?? Array(repeating: 0, count: periods)
                for period in 0..<periods {
                    let wattHours = allocation.energy(key: keyIndex, estimated: kind == .estimated, period: period)
                    sums[period] += wattHours * 1_000_000
                    losses[period] += wattHours * (factors[period] - 1_000_000)
                    consumptionTotal += wattHours
                }
                cellSums[cell] = sums
            }
            let lossCell = CellKey(
                supplier: key.supplier.value, bmUnit: key.bmUnit,
                ccc: classes.index(.losses, direction: key.direction, meteringClass: key.meteringClass, dataKind: nil))
            cellCounts[lossCell, default: 0] += allocation.meteringPointCounts[keyIndex]
            var lossSums = cellSums[lossCell] ?? Array(repeating: 0, count: periods)
            for period in 0..<periods { lossSums[period] += losses[period] }
            cellSums[lossCell] = lossSums
            let previous = lossUses[lossKey]?.consumptionWh ?? 0
            lossUses[lossKey] = LineLossUse(
                distributor: key.distributor, llfClass: key.llfClass, factorsMillionths: factors,
                usedDefault: usedDefault, consumptionWh: previous + consumptionTotal)
        }
        let duos = duosCells(allocation)
        let keys = cellSums.keys.sorted()
        let uncorrected = keys.map { cellSums[$0]! }
        let (corrected, corrections) = correct(keys: keys, uncorrected: uncorrected, periods: periods)
        let cells = keys.indices.map { index in
            VolumeCell(
                supplier: suppliers[keys[index].supplier]!, bmUnit: keys[index].bmUnit, ccc: classes.classes[keys[index].ccc],
                uncorrectedMicroWh: uncorrected[index], correctedMilliWh: corrected[index], meteringPoints: cellCounts[keys[index]] ?? 0)
        }
        return GroupSettlement(
            settlementDate: allocation.settlementDate, gspGroup: allocation.gspGroup, periodCount: periods, cells: cells,
            corrections: corrections, lineLosses: lossUses.keys.sorted().map { lossUses[$0]! }, defaulted: allocation.defaulted,
            statistics: allocation.statistics, duos: duos)
    }

    private func duosCells(_ allocation: GroupAllocation) -> [DUoSCell] {
        let periods = allocation.periodCount
        var cells: [String: DUoSCell] = [:]
        for (keyIndex, key) in allocation.keys.enumerated() {
            let name = [
                key.supplier.value, key.distributor?.value ?? "", key.llfClass ?? "", key.direction.rawValue, key.domestic?.rawValue ?? "",
            ].joined(separator: "|")
            var cell =
                cells[name]
                ?? DUoSCell(
                    supplier: key.supplier, distributor: key.distributor, llfClass: key.llfClass, direction: key.direction,
                    domestic: key.domestic, wattHours: Array(repeating: 0, count: periods), actualWh: 0, estimatedWh: 0, energised: 0,
                    deEnergised: 0)
            for period in 0..<periods {
                let actual = allocation.energy(key: keyIndex, estimated: false, period: period)
                let estimated = allocation.energy(key: keyIndex, estimated: true, period: period)
                cell.wattHours[period] += actual + estimated
                cell.actualWh += actual
                cell.estimatedWh += estimated
            }
            cell.deEnergised += allocation.deEnergisedCounts[keyIndex]
            cell.energised += allocation.meteringPointCounts[keyIndex] - allocation.deEnergisedCounts[keyIndex]
            cells[name] = cell
        }
        return cells.keys.sorted().map { cells[$0]! }
    }

    private func correct(keys: [CellKey], uncorrected: [[Int64]], periods: Int) -> ([[Int64]], [GroupCorrection]) {
        var corrected = uncorrected.map { _ in [Int64](repeating: 0, count: periods) }
        var corrections: [GroupCorrection] = []
        for period in 0..<periods {
            for direction in EnergyDirection.allCases {
                let members = keys.indices.filter { classes.classes[keys[$0].ccc].direction == direction }
                let volumes = members.map { uncorrected[$0][period] }
                let weights = members.map { classes.classes[keys[$0].ccc].weightMillionths }
                let outcome = GroupCorrectionMath.correct(
                    volumesMicroWh: volumes, weightsMillionths: weights, takeWh: take(period, direction))
                for (position, member) in members.enumerated() { corrected[member][period] = outcome.correctedMilliWh[position] }
                corrections.append(
                    GroupCorrection(
                        period: period + 1, direction: direction, takeWh: take(period, direction),
                        uncorrectedMicroWh: volumes.reduce(0, +), weightedMicroWh: outcome.weighted, factorNanos: outcome.factorNanos,
                        outcome: outcome.outcome))
            }
        }
        return (corrected, corrections)
    }
}
