import MHHSCore

/// How the LSS builds shapes. The minimum sample and the fallback order are not public [A].
public struct LSSConfiguration: Sendable {
    /// [A] The fewest actual values a period's mean may rest on; below it the period falls back
    /// to the national category (`D`), then the back-stop (`E`), else no data (`B`).
    public var minimumSample: Int
    public var backstop: LoadShapeBackstop

    /// 30 actual values per period.
    public init(minimumSample: Int = 30, backstop: LoadShapeBackstop = .standard) {
        self.minimumSample = max(1, minimumSample)
        self.backstop = backstop
    }
}

/// [A] The back-stop shapes (flag `E`): per category without its group, 48 UTC-period Wh values.
///
/// The standard back-stop is flat: the typical annual consumption of the metering class
/// (``DefaultingBackstop/standard``) over 17,520 half hours, for active import only; active
/// export and the reactive quantities have none, so they fall through to `B`.
public struct LoadShapeBackstop: Sendable {
    public var shapes: [LoadShapeCategory: [Int64]]

    /// Shapes keyed by category; the group is ignored (the first in category order wins), and a
    /// shape without exactly 48 values is left out.
    public init(shapes: [LoadShapeCategory: [Int64]]) {
        self.shapes = Dictionary(
            shapes.filter { $0.value.count == UTCDay.periodCount }.sorted { $0.key < $1.key }.map { ($0.key.national, $0.value) },
            uniquingKeysWith: { first, _ in first })
    }

    public static let standard: LoadShapeBackstop = {
        var shapes: [LoadShapeCategory: [Int64]] = [:]
        for (index, (segment, connection)) in CCCTable.meteringClasses.enumerated() {
            let perPeriod = DefaultingBackstop.spread(DefaultingBackstop.standard.annualWattHours[index])
            for domestic in DomesticPremiseIndicator.allCases {
                let category = LoadShapeCategory(
                    gspGroup: nil, connectionType: connection, marketSegment: segment, domesticPremise: domestic,
                    measurementQuantity: .activeImport)
                shapes[category] = Array(repeating: perPeriod, count: UTCDay.periodCount)
            }
        }
        return LoadShapeBackstop(shapes: shapes)
    }()

    /// The back-stop for a category (any group), or nil.
    public func shape(for category: LoadShapeCategory) -> [Int64]? { shapes[category.national] }
}
