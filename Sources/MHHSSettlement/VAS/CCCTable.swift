import MHHSCore

/// The CCCs the VAS allocates to, with their scaling weights; complete for every metering
/// point class it can meet (checked when a table is built).
public struct CCCTable: Sendable, Hashable {
    public let classes: [ConsumptionComponentClass]
    /// Index into ``classes`` per (component, direction, class of metering point, data kind).
    private let lookup: [Int: Int]

    /// The segment × connection type pairs metering points can have [A]: smart meters are whole
    /// current or LV CT, advanced any metered connection, unmetered supplies unmetered.
    public static let meteringClasses: [(MarketSegment, ConnectionType)] = [
        (.smart, .wholeCurrent), (.smart, .lowVoltageCT),
        (.advanced, .wholeCurrent), (.advanced, .lowVoltageCT), (.advanced, .highVoltageCT), (.advanced, .extraHighVoltageCT),
        (.unmetered, .unmetered),
    ]

    /// The metering class of legacy NHH metering points (after ``meteringClasses``): settled on
    /// their profiled EAC/AA until they migrate (docs/LEGACY.md).
    public static let legacyNHHClass = meteringClasses.count

    /// The metering class of legacy HH metering points: settled on the HH data their HHDC
    /// reports (HHDA aggregation) until they migrate (docs/LEGACY.md).
    public static let legacyHHClass = meteringClasses.count + 1

    /// Whether a metering class is one of the legacy arrangements'.
    public static func isLegacy(_ meteringClass: Int) -> Bool { meteringClass >= legacyNHHClass }

    /// The metering class of a CCC: its segment and connection type, or a legacy class.
    static func meteringClass(of ccc: ConsumptionComponentClass) -> Int? {
        switch ccc.arrangement {
        case .mhhs: meteringClasses.firstIndex { $0 == (ccc.segment, ccc.connectionType) }
        case .legacyNHH: legacyNHHClass
        case .legacyHH: legacyHHClass
        }
    }

    public struct Incomplete: Error, Hashable, Sendable, CustomStringConvertible {
        public let missing: String
        public var description: String { "the CCC table has no class for \(missing)" }
    }

    public init(_ classes: [ConsumptionComponentClass]) throws(Incomplete) {
        var lookup: [Int: Int] = [:]
        for (index, ccc) in classes.enumerated() {
            guard let meteringClass = Self.meteringClass(of: ccc) else { continue }
            lookup[Self.key(ccc.component, ccc.direction, meteringClass, ccc.dataKind)] = index
        }
        for direction in EnergyDirection.allCases {
            for meteringClass in 0...Self.legacyHHClass {
                let name =
                    meteringClass == Self.legacyNHHClass
                    ? "legacy NHH"
                    : meteringClass == Self.legacyHHClass
                        ? "legacy HH"
                        : "\(Self.meteringClasses[meteringClass].0.rawValue)/\(Self.meteringClasses[meteringClass].1.rawValue)"
                for kind in ConsumptionComponentClass.DataKind.allCases
                where lookup[Self.key(.consumption, direction, meteringClass, kind)] == nil {
                    throw Incomplete(missing: "\(kind) consumption, \(direction.rawValue), \(name)")
                }
                if lookup[Self.key(.losses, direction, meteringClass, nil)] == nil {
                    throw Incomplete(missing: "losses, \(direction.rawValue), \(name)")
                }
            }
        }
        self.classes = classes
        self.lookup = lookup
    }

    /// The index of the metering class of a segment and connection type, or nil when the
    /// pair is not one metering points can have.
    public static func meteringClass(segment: MarketSegment, connectionType: ConnectionType) -> Int? {
        meteringClasses.firstIndex { $0 == (segment, connectionType) }
    }

    /// The CCC (index into ``classes``) for consumption of a kind, or for losses.
    public func index(
        _ component: ConsumptionComponentClass.Component, direction: EnergyDirection, meteringClass: Int,
        dataKind: ConsumptionComponentClass.DataKind?
    ) -> Int {
        lookup[Self.key(component, direction, meteringClass, component == .losses ? nil : dataKind)]!
    }

    private static func key(
        _ component: ConsumptionComponentClass.Component, _ direction: EnergyDirection, _ meteringClass: Int,
        _ kind: ConsumptionComponentClass.DataKind?
    ) -> Int {
        let kindCode = kind.map { $0 == .actual ? 1 : 2 } ?? 0
        return ((component == .consumption ? 0 : 1) * 2 + (direction == .importing ? 0 : 1)) * 100 + meteringClass * 3 + kindCode
    }

    /// [A] The default table. Ids: first digit 1 import consumption, 2 export consumption,
    /// 3 import losses, 4 export losses; then the metering class (1–7 in ``meteringClasses``
    /// order, 8 legacy NHH); then 1 actual / 2 estimated (0 for losses). Weights: 0 for actual
    /// advanced CT consumption (L, H, E: large sites with accurate, read metering are not
    /// corrected), 1 for everything else. Legacy NHH volumes are profiled, so they are
    /// estimated (`182`, `282`); the actual ids are kept for a later AA split. Legacy HH
    /// (class 9: `191`/`192`, `291`/`292`, losses `390`/`490`) splits actual from estimated
    /// HHDC data, all with weight 1 [A], so correction covers the whole group.
    public static let standard: CCCTable = {
        var classes: [ConsumptionComponentClass] = []
        for (directionIndex, direction) in [EnergyDirection.importing, .exporting].enumerated() {
            for (classIndex, pair) in meteringClasses.enumerated() {
                for kind in ConsumptionComponentClass.DataKind.allCases {
                    let largeSite = pair.0 == .advanced && pair.1 != .wholeCurrent
                    let weight: Int64 = largeSite && kind == .actual ? 0 : 1_000_000
                    classes.append(
                        ConsumptionComponentClass(
                            id: "\(1 + directionIndex)\(classIndex + 1)\(kind == .actual ? 1 : 2)", component: .consumption,
                            direction: direction, segment: pair.0, connectionType: pair.1, dataKind: kind, weightMillionths: weight))
                }
                classes.append(
                    ConsumptionComponentClass(
                        id: "\(3 + directionIndex)\(classIndex + 1)0", component: .losses, direction: direction, segment: pair.0,
                        connectionType: pair.1, dataKind: nil, weightMillionths: 1_000_000))
            }
            for (legacy, arrangement) in [(legacyNHHClass + 1, SettlementArrangement.legacyNHH), (legacyHHClass + 1, .legacyHH)] {
                for kind in ConsumptionComponentClass.DataKind.allCases {
                    classes.append(
                        ConsumptionComponentClass(
                            id: "\(1 + directionIndex)\(legacy)\(kind == .actual ? 1 : 2)", component: .consumption, direction: direction,
                            segment: .smart, connectionType: .wholeCurrent, dataKind: kind, weightMillionths: 1_000_000,
                            arrangement: arrangement))
                }
                classes.append(
                    ConsumptionComponentClass(
                        id: "\(3 + directionIndex)\(legacy)0", component: .losses, direction: direction, segment: .smart,
                        connectionType: .wholeCurrent, dataKind: nil, weightMillionths: 1_000_000, arrangement: arrangement))
            }
        }
        return try! CCCTable(classes)
    }()

    public static func == (lhs: CCCTable, rhs: CCCTable) -> Bool { lhs.classes == rhs.classes }
    public func hash(into hasher: inout Hasher) { hasher.combine(classes) }
}
