import MHHSCore
import MHHSSettlement

/// Which data service is running: it decides the segment served, the sender role and the
/// quality codes written.
public enum DataServiceKind: String, Sendable, CaseIterable {
    case smart = "sds"
    case advanced = "ads"
    case unmetered = "umsds"

    public var role: DIPRole {
        switch self {
        case .smart: .smartDataService
        case .advanced: .advancedDataService
        case .unmetered: .unmeteredDataService
        }
    }

    public var segment: MarketSegment {
        switch self {
        case .smart: .smart
        case .advanced: .advanced
        case .unmetered: .unmetered
        }
    }

    /// The quality code (DI-083) this service writes for a method.
    ///
    /// Smart codes follow the specification's names: `E0` single missing SP, `E1` actual daily
    /// advance available, `E3` NDM (multi-day) advance, `E7` no recent data, `E8` agreed read,
    /// `E9` AAC or SNAC (annual consumption), `ZE` zero advance, `ZE3` meter disabled.
    /// [A] The advanced codes `EA1`–`EA13` are named only "ADS Method n", so we number ours:
    /// `EA1` single missing, `EA2` daily advance, `EA3` multi-day advance, `EA4` annual
    /// consumption, `EA5` no recent data, `EA6` amendment. Unmetered data is `E` (the equivalent
    /// meter's output, [C]).
    public func code(for method: EstimationMethod) -> QualityCode {
        let text: String
        switch (self, method) {
        case (_, .actual): text = "A"
        case (.unmetered, _): text = "E"
        case (_, .zeroAdvance): text = "ZE"
        case (_, .deEnergised): text = "ZE3"
        case (.smart, .singleMissing): text = "E0"
        case (.smart, .dailyAdvance): text = "E1"
        case (.smart, .multiDayAdvance): text = "E3"
        case (.smart, .annualConsumption): text = "E9"
        case (.smart, .noRecentData): text = "E7"
        case (.smart, .amendment): text = "E8"
        case (.advanced, .singleMissing): text = "EA1"
        case (.advanced, .dailyAdvance): text = "EA2"
        case (.advanced, .multiDayAdvance): text = "EA3"
        case (.advanced, .annualConsumption): text = "EA4"
        case (.advanced, .noRecentData): text = "EA5"
        case (.advanced, .amendment): text = "EA6"
        }
        return QualityCode(text)!
    }
}

/// How a period's value was found.
public enum EstimationMethod: String, Sendable, Hashable, CaseIterable {
    /// Metered (an interval read that passed validation).
    case actual
    /// One missing half hour between two actual ones: the mean of its neighbours.
    case singleMissing
    /// Apportioned from a register advance within one UTC day, pro rata to the load shape.
    case dailyAdvance
    /// Apportioned from a register advance over more than a day.
    case multiDayAdvance
    /// Load shape value × the metering point's annual consumption ÷ the shape's annual total.
    case annualConsumption
    /// No annual consumption: the category's mean per metering point (the shape value), or the
    /// flat back-stop when the LSS has no shape.
    case noRecentData
    /// The register did not advance.
    case zeroAdvance
    /// De-energised: zero.
    case deEnergised
    /// A supplier's consumption amendment (IF-027), spread pro rata to the shape.
    case amendment
}
