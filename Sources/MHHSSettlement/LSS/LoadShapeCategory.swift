import MHHSCore

/// What a load shape is the shape of [C]: GSP group (nil: national) × connection type × market
/// segment × domestic premise indicator × measurement quantity.
///
/// [A] DI-031 is documented as nullable but its enumeration has no null, so a message with a
/// null indicator fails the specification: every category is split T/F, and a metering point
/// without an indicator counts as non-domestic (F).
public struct LoadShapeCategory: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// nil for the national category every group's category falls back to.
    public var gspGroup: GSPGroup?
    public var connectionType: ConnectionType
    public var marketSegment: MarketSegment
    public var domesticPremise: DomesticPremiseIndicator
    public var measurementQuantity: MeasurementQuantity

    public init(
        gspGroup: GSPGroup?, connectionType: ConnectionType, marketSegment: MarketSegment,
        domesticPremise: DomesticPremiseIndicator, measurementQuantity: MeasurementQuantity
    ) {
        self.gspGroup = gspGroup
        self.connectionType = connectionType
        self.marketSegment = marketSegment
        self.domesticPremise = domesticPremise
        self.measurementQuantity = measurementQuantity
    }

    /// The same category across GB (the first fallback).
    public var national: LoadShapeCategory {
        var category = self
        category.gspGroup = nil
        return category
    }

    /// `_A/W/S/T/AI`; `national` for no group.
    public var description: String {
        [
            gspGroup?.rawValue ?? "national", connectionType.rawValue, marketSegment.rawValue, domesticPremise.rawValue,
            measurementQuantity.rawValue,
        ].joined(separator: "/")
    }

    /// Parses ``description``'s form.
    public init(text: String) throws(LoadShapeError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else { throw .badCategory(text, reason: "expected GROUP/CT/SEGMENT/DOMESTIC/MQ, e.g. _A/W/S/T/AI") }
        func code<C: CodeValue>(_ value: String, _: C.Type) throws(LoadShapeError) -> C {
            guard let code = C(rawValue: value) else { throw .badCategory(text, reason: "\(value) is not a \(C.kind)") }
            return code
        }
        gspGroup = parts[0] == "national" ? nil : try code(parts[0], GSPGroup.self)
        connectionType = try code(parts[1], ConnectionType.self)
        marketSegment = try code(parts[2], MarketSegment.self)
        domesticPremise = try code(parts[3], DomesticPremiseIndicator.self)
        measurementQuantity = try code(parts[4], MeasurementQuantity.self)
    }

    /// A dense index of everything but the group (``LoadShapeCategory/keyCount`` values), so the
    /// sampler accumulates into flat arrays.
    var key: Int {
        let domestic = domesticPremise == .domestic ? 0 : 1
        let connection = ConnectionType.allCases.firstIndex(of: connectionType)!
        let segment = MarketSegment.allCases.firstIndex(of: marketSegment)!
        let quantity = MeasurementQuantity.allCases.firstIndex(of: measurementQuantity)!
        return ((connection * 3 + segment) * 2 + domestic) * 4 + quantity
    }

    static let keyCount = 5 * 3 * 2 * 4

    init(key: Int, gspGroup: GSPGroup?) {
        self.gspGroup = gspGroup
        measurementQuantity = MeasurementQuantity.allCases[key % 4]
        domesticPremise = (key / 4) % 2 == 0 ? .domestic : .nonDomestic
        marketSegment = MarketSegment.allCases[(key / 8) % 3]
        connectionType = ConnectionType.allCases[key / 24]
    }

    public static func < (lhs: LoadShapeCategory, rhs: LoadShapeCategory) -> Bool {
        (lhs.gspGroup?.rawValue ?? "~", lhs.key) < (rhs.gspGroup?.rawValue ?? "~", rhs.key)
    }
}

/// A load shape period's quality [C] (DI-154).
public enum LoadShapeFlag: String, Sendable, Hashable, CaseIterable {
    /// The mean of the category's own actual data.
    case actual = "A"
    /// The national category's mean (too few samples in the group).
    case defaulted = "D"
    /// The back-stop shape.
    case backstop = "E"
    /// No data at all: the value is zero.
    case noData = "B"
}

public enum LoadShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    case badCategory(String, reason: String)
    case noShapes(day: String)
    case badStoredShape(String)

    public var description: String {
        switch self {
        case .badCategory(let text, let reason): "load shape category \(text): \(reason)"
        case .noShapes(let day): "the LSS has no load shapes for \(day) (run `mhhs lss run --date \(day)` first)"
        case .badStoredShape(let reason): "stored load shape unreadable: \(reason)"
        }
    }
}
