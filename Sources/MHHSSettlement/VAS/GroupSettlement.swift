import MHHSCore

/// One GSP group's settled volumes for one date and run: per supplier × BM unit × CCC × SP,
/// before and after GSP group correction, with the correction factors and what was assumed.
///
/// Units: ``VolumeCell/uncorrectedMicroWh`` is exact (consumption in whole Wh × 10⁶, losses
/// Wh × (LLF − 1) with the LLF in millionths); ``VolumeCell/correctedMilliWh`` is the
/// reported precision (kWh with 6 decimals), distributed so that the corrected volumes of a
/// period and direction sum to the take exactly.
public struct GroupSettlement: Sendable {
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let periodCount: Int
    /// Sorted by supplier, BM unit, CCC id.
    public let cells: [VolumeCell]
    /// One per period and direction, period-major.
    public let corrections: [GroupCorrection]
    public let lineLosses: [LineLossUse]
    public let defaulted: [DefaultedMeteringPoint]
    public let statistics: AllocationStatistics
    /// Uncorrected consumption per supplier × LDSO × DUoS tariff (REP-002), sorted.
    public let duos: [DUoSCell]
}

/// [A] One DUoS tariff's uncorrected consumption for a supplier: the tariff id is the LLF
/// class (DUoS charges are set per LLF class), split by direction and domestic premise flag.
public struct DUoSCell: Sendable, Hashable {
    public let supplier: MPID
    public let distributor: MPID?
    public let llfClass: String?
    public let direction: EnergyDirection
    public let domestic: DomesticPremiseIndicator?
    /// Whole Wh per period, consumption only (no losses).
    public var wattHours: [Int64]
    public var actualWh: Int64
    public var estimatedWh: Int64
    public var energised: Int
    public var deEnergised: Int
}

public struct VolumeCell: Sendable, Hashable {
    public let supplier: MPID
    public let bmUnit: String
    public let ccc: ConsumptionComponentClass
    /// Per period (index 0 = SP 1), exact.
    public let uncorrectedMicroWh: [Int64]
    /// Per period, after correction, in mWh.
    public let correctedMilliWh: [Int64]
    /// [A] Metering points of the supplier's BM unit in the CCC's metering class and direction
    /// (the population the CCC draws from, whatever each period's data kind).
    public let meteringPoints: Int
}

/// GSP group correction for one period and direction.
public struct GroupCorrection: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Corrected; the factor is within 0.9–1.1.
        case applied
        /// Corrected, but the factor is outside 0.9–1.1: reported as an exception.
        case appliedOutsideRange = "applied-outside-range"
        /// No take was imported for the period and direction: volumes stay uncorrected.
        case noTake = "no-take"
        /// Nothing correctable (Σ W·C = 0) against a take that differs: uncorrected, exception.
        case nothingCorrectable = "nothing-correctable"
    }

    public let period: Int
    public let direction: EnergyDirection
    /// The take in Wh, when one was imported.
    public let takeWh: Int64?
    /// Σ C before correction, exact µWh.
    public let uncorrectedMicroWh: Int64
    /// Σ W·C with W in millionths (µWh × 10⁶).
    public let weightedMicroWh: Int128
    /// The factor × 10⁹ rounded half away from zero (1 when not applied).
    public let factorNanos: Int64
    public let outcome: Outcome

    /// The factor with 9 decimals, as reports carry it.
    public var factorText: String { DecimalText.format(factorNanos, fractionDigits: 9) }
}

/// Which LLF a distributor's class used on the date, and whether it was the default.
public struct LineLossUse: Sendable, Hashable {
    public let distributor: MPID?
    public let llfClass: String?
    /// The factors used, in millionths, per period.
    public let factorsMillionths: [Int64]
    public let usedDefault: Bool
    /// Wh of consumption the factors applied to (both kinds, all periods).
    public let consumptionWh: Int64
}
