import MHHSCore
import MHHSLegacy
import MHHSRegistration

/// How far the transition has got on each of some dates: metering points and their annual
/// energy per settlement arrangement, market segment and LDSO, from the register on the date
/// as known at one instant. [A] Energy is the register's annual consumption, else the profile
/// class default (as the legacy path settles a point without one), else 0.
public struct MigrationProgress: Sendable {
    public struct Row: Sendable, Hashable {
        public let date: SettlementDate
        public let arrangement: SettlementArrangement
        public let segment: MarketSegment
        public let distributor: MPID
        public let points: Int
        public let annualWh: Int64
    }

    public let at: UTCInstant
    public let rows: [Row]

    /// Per date and arrangement: points and the share of the date's annual energy (‰, half up).
    public func summary() -> [(date: SettlementDate, arrangement: SettlementArrangement, points: Int, energyPerMille: Int64)] {
        var result: [(SettlementDate, SettlementArrangement, Int, Int64)] = []
        for (date, rows) in Dictionary(grouping: rows, by: \.date).sorted(by: { $0.key < $1.key }) {
            let total = rows.reduce(0) { $0 + $1.annualWh }
            for arrangement in SettlementArrangement.allCases {
                let mine = rows.filter { $0.arrangement == arrangement }
                guard !mine.isEmpty else { continue }
                let energy = mine.reduce(0) { $0 + $1.annualWh }
                result.append(
                    (
                        date, arrangement, mine.reduce(0) { $0 + $1.points },
                        total == 0 ? 0 : ExactShares.scaled(energy, times: 1_000, over: total)
                    ))
            }
        }
        return result
    }

    public static func build(dates: [SettlementDate], at now: UTCInstant, register: any RegisterRepository) async throws
        -> MigrationProgress
    {
        var rows: [Row] = []
        for date in dates {
            var cells: [String: (SettlementArrangement, MarketSegment, MPID, Int, Int64)] = [:]
            for group in GSPGroup.allCases {
                let snapshot = try await register.snapshot(of: group, on: date, asKnownAt: now)
                for point in 0..<snapshot.count {
                    guard snapshot.arrangement[point] != RegisterSnapshot.absent, snapshot.marketSegment[point] != RegisterSnapshot.absent,
                        snapshot.distributor[point] >= 0
                    else { continue }
                    let arrangement = SettlementArrangement.allCases[Int(snapshot.arrangement[point])]
                    let segment = MarketSegment.allCases[Int(snapshot.marketSegment[point])]
                    let distributor = snapshot.participants[Int(snapshot.distributor[point])]
                    let recorded = snapshot.annualConsumptionWh[point]
                    let annual = LegacyNHHVolumes.annualWh(recorded: recorded, profileClass: Int(snapshot.profileClass[point]))
                    let key = "\(arrangement.rawValue)|\(segment.rawValue)|\(distributor.value)"
                    let cell = cells[key] ?? (arrangement, segment, distributor, 0, 0)
                    cells[key] = (arrangement, segment, distributor, cell.3 + 1, cell.4 + annual)
                }
            }
            rows += cells.values.map { Row(date: date, arrangement: $0.0, segment: $0.1, distributor: $0.2, points: $0.3, annualWh: $0.4) }
                .sorted {
                    ($0.arrangement.rawValue, $0.segment.rawValue, $0.distributor.value) < (
                        $1.arrangement.rawValue, $1.segment.rawValue, $1.distributor.value
                    )
                }
        }
        return MigrationProgress(at: now, rows: rows)
    }

    /// `date,arrangement,segment,ldso,points,annual_wh`.
    public var csv: String {
        var text = "date,arrangement,segment,ldso,points,annual_wh\n"
        for row in rows {
            text +=
                "\(row.date),\(row.arrangement.rawValue),\(row.segment.rawValue),\(row.distributor.value),\(row.points),\(row.annualWh)\n"
        }
        return text
    }
}
