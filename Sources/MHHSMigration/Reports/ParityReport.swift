import MHHSCore
import MHHSLegacy
import MHHSRegistration
import MHHSSettlement

/// A wave's parity check for one settlement date: for its points, the volumes the legacy path
/// computes (annual consumption × profile coefficient) beside the SP data MDS holds (what MHHS
/// settles), per GSP group × settlement period, and the points that differ most.
///
/// The MHHS volume of a point's period is MDS's SP data where it holds a value (after the
/// migration), else what MDS would default it to: the LSS shape × annual consumption ÷ the
/// shape's annual total (before the migration MDS refuses a legacy point's data, so this is
/// what MHHS would settle it on). A period with neither is counted as missing and left out of
/// both sums, so missing data never shows as a deviation. [A] A legacy HH point's "legacy"
/// volume is its HH data (HHDA aggregated the same values, and defaults its gaps as MDS does), so only NHH points can differ.
public struct ParityReport: Sendable {
    public struct Row: Sendable, Hashable {
        public let gspGroup: GSPGroup
        public let period: Int
        public let points: Int
        /// Points whose MHHS volume is MDS's SP data.
        public let fromData: Int
        /// Points whose MHHS volume is the load-shape default.
        public let fromShape: Int
        /// The legacy volume of the points compared (from data or shape).
        public let legacyWh: Int64
        public let mhhsWh: Int64
        public var deviationWh: Int64 { mhhsWh - legacyWh }
    }

    public struct Point: Sendable, Hashable {
        public let mpan: MPAN
        public let gspGroup: GSPGroup
        public let arrangement: SettlementArrangement?
        public let periodsFromData: Int
        public let periodsFromShape: Int
        public let legacyWh: Int64
        public let mhhsWh: Int64
        public var deviationWh: Int64 { mhhsWh - legacyWh }
    }

    public let wave: String
    public let date: SettlementDate
    public let at: UTCInstant
    public let rows: [Row]
    /// Every point of the wave, largest absolute deviation first (then MPAN).
    public let points: [Point]
    /// Points the legacy path cannot profile (no profile class on the date).
    public let unprofiled: [MPAN]

    public var legacyWh: Int64 { rows.reduce(0) { $0 + $1.legacyWh } }
    public var mhhsWh: Int64 { rows.reduce(0) { $0 + $1.mhhsWh } }

    public static func build(
        wave: String, date: SettlementDate, at now: UTCInstant, register: any RegisterRepository, migrations: any MigrationRepository,
        spData: any SPDataStore, shapes: any LoadShapeRepository, coefficients: any ProfileCoefficientSource
    ) async throws -> ParityReport {
        let items = try await migrations.items(wave: wave)
        guard !items.isEmpty else { throw MigrationError.unknownWave(wave) }
        let defaults = try await DefaultingShapes.load(date: date, publishedBy: now, from: shapes)
        let periods = date.periodCount
        var rows: [Row] = []
        var points: [Point] = []
        var unprofiled: [MPAN] = []
        for (group, members) in Dictionary(grouping: items, by: \.gspGroup).sorted(by: { $0.key < $1.key }) {
            let histories = try await register.assertions(for: members.map(\.mpan))
            let states = histories.map { RegisterFold.state(of: $0, on: date, asKnownAt: now) }
            var data: [MeasurementQuantity: [MPAN: [Int64?]]] = [:]
            for quantity in [MeasurementQuantity.activeImport, .activeExport] {
                let asked = zip(members, states).filter { quantity == Self.quantity(of: $0.1) }.map(\.0.mpan)
                data[quantity] = try await SPDataLookup.values(
                    of: asked, quantity: quantity, date: date, group: group, receivedBy: now, store: spData)
            }
            var legacySum = [Int64](repeating: 0, count: periods)
            var mhhsSum = [Int64](repeating: 0, count: periods)
            var fromData = [Int](repeating: 0, count: periods)
            var fromShape = [Int](repeating: 0, count: periods)
            var coefficientCache: [Int: [Int64]] = [:]
            for (item, state) in zip(members, states) {
                let values = data[Self.quantity(of: state)]?[item.mpan] ?? Array(repeating: nil, count: periods)
                var legacy: [Int64]
                if state?.arrangement == .legacyHH {
                    legacy = values.map { $0 ?? 0 }
                } else if let profileClass = state?.profileClass {
                    if coefficientCache[profileClass] == nil {
                        coefficientCache[profileClass] = try coefficients.coefficients(profileClass: profileClass, group: group, date: date)
                    }
                    let annual = LegacyNHHVolumes.annualWh(recorded: state?.annualConsumption?.energy.wattHours, profileClass: profileClass)
                    legacy = coefficientCache[profileClass]!.map { ExactShares.scaled(annual, times: $0, over: picoPerYear) }
                } else {
                    unprofiled.append(item.mpan)
                    legacy = Array(repeating: 0, count: periods)
                }
                let shape = state.flatMap { Self.category(of: $0, group: group) }.flatMap { defaults?.periods(for: $0) }
                let annual = state?.annualConsumption?.energy.wattHours ?? -1
                var point = (data: 0, shape: 0, legacy: Int64(0), mhhs: Int64(0))
                for period in 0..<periods {
                    let value: Int64
                    if let data = values[period] {
                        value = data
                        point.data += 1
                        fromData[period] += 1
                    } else if let shape {
                        value = DefaultingShapes.value(shape, period: period, annualConsumptionWh: annual).0
                        point.shape += 1
                        fromShape[period] += 1
                    } else {
                        continue
                    }
                    // The legacy HH path settles the same data, defaulted the same way.
                    if state?.arrangement == .legacyHH { legacy[period] = value }
                    point.legacy += legacy[period]
                    point.mhhs += value
                    legacySum[period] += legacy[period]
                    mhhsSum[period] += value
                }
                points.append(
                    Point(
                        mpan: item.mpan, gspGroup: group, arrangement: state?.arrangement, periodsFromData: point.data,
                        periodsFromShape: point.shape, legacyWh: point.legacy, mhhsWh: point.mhhs))
            }
            for period in 0..<periods {
                rows.append(
                    Row(
                        gspGroup: group, period: period + 1, points: members.count, fromData: fromData[period],
                        fromShape: fromShape[period],
                        legacyWh: legacySum[period], mhhsWh: mhhsSum[period]))
            }
        }
        points.sort { (abs($0.deviationWh), $1.mpan) > (abs($1.deviationWh), $0.mpan) }
        return ParityReport(wave: wave, date: date, at: now, rows: rows, points: points, unprofiled: unprofiled.sorted())
    }

    /// The load-shape category MDS would default the point with.
    static func category(of state: MeteringPointFacts, group: GSPGroup) -> LoadShapeCategory? {
        guard let connection = state.connectionType, let segment = state.marketSegment else { return nil }
        return LoadShapeCategory(
            gspGroup: group, connectionType: connection, marketSegment: segment, domesticPremise: state.domesticPremise ?? .nonDomestic,
            measurementQuantity: quantity(of: state))
    }

    /// An exporting point is compared on AE, any other on AI.
    static func quantity(of state: MeteringPointFacts?) -> MeasurementQuantity {
        state?.energyDirection == .exporting ? .activeExport : .activeImport
    }

    /// `gsp_group,sp,points,from_data,from_shape,legacy_wh,mhhs_wh,deviation_wh`.
    public var rowsCSV: String {
        var text = "gsp_group,sp,points,from_data,from_shape,legacy_wh,mhhs_wh,deviation_wh\n"
        for row in rows {
            text +=
                "\(row.gspGroup.rawValue),\(row.period),\(row.points),\(row.fromData),\(row.fromShape),\(row.legacyWh),\(row.mhhsWh),\(row.deviationWh)\n"
        }
        return text
    }

    /// `mpan,gsp_group,arrangement,periods_from_data,periods_from_shape,legacy_wh,mhhs_wh,deviation_wh`, largest deviation first.
    public var pointsCSV: String {
        var text = "mpan,gsp_group,arrangement,periods_from_data,periods_from_shape,legacy_wh,mhhs_wh,deviation_wh\n"
        for point in points {
            text +=
                "\(point.mpan),\(point.gspGroup.rawValue),\(point.arrangement?.rawValue ?? ""),\(point.periodsFromData),\(point.periodsFromShape),\(point.legacyWh),\(point.mhhsWh),\(point.deviationWh)\n"
        }
        return text
    }
}
