import MHHSCore

/// A Consumption Component Class: the VAS's finest split of a supplier's volume in a BM unit.
///
/// [A] MHHS's own CCC table is not public. The default table (``CCCTable/standard``) crosses
/// component (consumption or losses), energy direction, market segment and connection type,
/// and for consumption also actual vs estimated data; ids and weights are standing data and
/// can be replaced from a CSV file (docs/SETTLEMENT.md).
public struct ConsumptionComponentClass: Hashable, Sendable, Codable {
    public enum Component: String, Hashable, Sendable, Codable, CaseIterable {
        case consumption, losses
    }

    public enum DataKind: String, Hashable, Sendable, Codable, CaseIterable {
        case actual, estimated
    }

    public var id: String
    public var component: Component
    public var direction: EnergyDirection
    public var segment: MarketSegment
    public var connectionType: ConnectionType
    /// Nil for losses classes, which do not split by data kind.
    public var dataKind: DataKind?
    /// The GSP group correction scaling weight in millionths (1,000,000 = 1.0; 0 =
    /// non-correctable).
    public var weightMillionths: Int64
    /// `mhhs`, or `legacy-nhh` for the legacy path's profiled volumes (whose segment and
    /// connection type are placeholders: the class is ``CCCTable/legacyNHHClass``).
    public var arrangement: SettlementArrangement

    public init(
        id: String, component: Component, direction: EnergyDirection, segment: MarketSegment,
        connectionType: ConnectionType, dataKind: DataKind?, weightMillionths: Int64, arrangement: SettlementArrangement = .mhhs
    ) {
        self.arrangement = arrangement
        self.id = id
        self.component = component
        self.direction = direction
        self.segment = segment
        self.connectionType = connectionType
        self.dataKind = dataKind
        self.weightMillionths = weightMillionths
    }

    /// The weight as written in reports (`1`, `0`, `0.5`).
    public var weightText: String { DecimalText.format(weightMillionths, fractionDigits: 6).trimmingFractionZeros }
}

extension String {
    /// `1.500000` → `1.5`, `1.000000` → `1`.
    var trimmingFractionZeros: String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
