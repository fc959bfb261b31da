/// How a metering point is connected [C].
public enum ConnectionType: String, CodeValue {
    case wholeCurrent = "W"
    case lowVoltageCT = "L"
    case highVoltageCT = "H"
    case extraHighVoltageCT = "E"
    case unmetered = "U"

    public static let kind = "connection type"
}

/// The MHHS market segment of a metering point [C].
public enum MarketSegment: String, CodeValue {
    /// Smart and traditional NHH meters, served by a smart data service (SDS).
    case smart = "S"
    /// HH and CT meters, served by an advanced data service (ADS).
    case advanced = "A"
    /// Unmetered supplies, served by an unmetered data service (UMSDS).
    case unmetered = "U"

    public static let kind = "market segment"

    /// The data-service role a metering point in this segment must have appointed.
    public var dataServiceRole: DIPRole {
        switch self {
        case .smart: .smartDataService
        case .advanced: .advancedDataService
        case .unmetered: .unmeteredDataService
        }
    }
}

/// Import or export [C].
public enum EnergyDirection: String, CodeValue {
    case importing = "I"
    case exporting = "E"

    public static let kind = "energy direction"
}

/// The quantity a consumption series measures [C].
public enum MeasurementQuantity: String, CodeValue {
    case activeImport = "AI"
    case activeExport = "AE"
    case reactiveImport = "RI"
    case reactiveExport = "RE"

    public static let kind = "measurement quantity"

    /// Whether the quantity is active energy (the only kind settled by the VAS).
    public var isActive: Bool { self == .activeImport || self == .activeExport }
}

/// Energised or de-energised [C].
public enum EnergisationStatus: String, CodeValue {
    case energised = "E"
    case deEnergised = "D"

    public static let kind = "energisation status"
}

/// Whether a premise is domestic [C].
public enum DomesticPremiseIndicator: String, CodeValue {
    case domestic = "T"
    case nonDomestic = "F"

    public static let kind = "domestic premise indicator"
}

/// The settlement arrangement a metering point is settled under on a date.
public enum SettlementArrangement: String, CodeValue {
    case legacyNHH = "legacy-nhh"
    case legacyHH = "legacy-hh"
    case mhhs = "mhhs"

    public static let kind = "settlement arrangement"
}
