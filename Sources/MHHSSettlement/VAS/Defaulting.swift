import MHHSCore

/// How a missing period was filled.
public enum DefaultingMethod: String, Sendable, Hashable, Codable {
    /// From the metering point's annual consumption (IF-040), spread flat.
    case annualConsumption
    /// From the back-stop annual consumption of its segment and connection type.
    case backstop
    /// The LSS's load shape scaled to the metering point's annual consumption.
    case loadShape
    /// The LSS's load shape as it is (the category's mean per metering point): no annual
    /// consumption is recorded.
    case loadShapeMean
}

/// [A] The documented back-stop for missing data when the LSS has published no shape for the
/// metering point's category (``DefaultingShapes`` is used first): the metering point's annual
/// consumption, or the class default below, spread evenly over the 17,520 half hours of a
/// 365-day year and rounded to whole Wh.
public struct DefaultingBackstop: Sendable, Hashable, Codable {
    /// Annual Wh per metering class (``CCCTable/meteringClasses`` order).
    public var annualWattHours: [Int64]

    public static let periodsPerYear: Int64 = 17_520

    /// Smart W 2,700 kWh, smart L 20,000, advanced W 50,000, L 200,000, H 2,000,000,
    /// E 20,000,000, unmetered 5,000 (typical annual consumptions; configurable).
    public static let standard = DefaultingBackstop(annualWattHours: [
        2_700_000, 20_000_000, 50_000_000, 200_000_000, 2_000_000_000, 20_000_000_000, 5_000_000,
    ])

    public init(annualWattHours: [Int64]) {
        precondition(annualWattHours.count == CCCTable.meteringClasses.count, "one annual figure per metering class")
        self.annualWattHours = annualWattHours
    }

    /// The Wh per period, and how it was found.
    public func perPeriod(annualConsumptionWh: Int64, meteringClass: Int) -> (Int64, DefaultingMethod) {
        if annualConsumptionWh >= 0 { return (Self.spread(annualConsumptionWh), .annualConsumption) }
        return (Self.spread(annualWattHours[meteringClass]), .backstop)
    }

    /// Annual Wh / 17,520 rounded half up.
    public static func spread(_ annual: Int64) -> Int64 { (annual * 2 + periodsPerYear) / (2 * periodsPerYear) }
}
