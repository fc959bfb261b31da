import MHHSCore
import MHHSRegistration
import MHHSSettlement

/// A deterministic synthetic GB market at any scale: the same seed and size always give the
/// same metering points, attributes and half-hour values, group by group, without holding
/// the whole market in memory.
///
/// The mix follows DOMAIN.md: ~98.75 % smart, 1.15 % advanced, 0.1 % unmetered; MPANs spread
/// over the 14 DNO areas in rough GB proportions; 16 suppliers with a few large ones
/// (``MarketParticipants``: real MDD participants when given); 3 % of
/// smart whole-current points are export (solar); 0.5 % de-energised; 2 % of periods
/// estimated; 0.2 % of metering points send nothing for the day (so the VAS defaults them).
public struct SyntheticMarket: Sendable {
    public let meteringPoints: Int
    public let seed: UInt64
    public let participants: MarketParticipants

    public init(meteringPoints: Int, seed: UInt64 = 1, participants: MarketParticipants = .synthetic) {
        self.meteringPoints = meteringPoints
        self.seed = seed
        self.participants = participants
    }

    /// DNO id, MPID, group and share of MPANs (%).
    public static let areas: [(id: Int, mpid: String, group: GSPGroup, share: Double)] = [
        (10, "EELC", .eastern, 8.2), (11, "EMEB", .eastMidlands, 7.5), (12, "LOND", .london, 7.3),
        (13, "MANW", .merseysideAndNorthWales, 4.9), (14, "MIDE", .midlands, 8.4), (15, "NEEB", .northern, 5.1),
        (16, "NORW", .northWestern, 7.6), (17, "HYDE", .northScotland, 2.6), (18, "SPOW", .southScotland, 7.2),
        (19, "SEEB", .southEastern, 7.9), (20, "SOUT", .southern, 9.9), (21, "SWAE", .southWales, 3.5),
        (22, "SWEB", .southWestern, 5.2), (23, "YELG", .yorkshire, 7.3),
    ]

    /// How many metering points the group has.
    public func count(of group: GSPGroup) -> Int {
        let total = Self.areas.reduce(0) { $0 + $1.share }
        var assigned = 0
        for (index, area) in Self.areas.enumerated() {
            let count =
                index == Self.areas.count - 1
                ? meteringPoints - assigned : Int((Double(meteringPoints) * area.share / total).rounded())
            if area.group == group { return count }
            assigned += count
        }
        return 0
    }

    /// One metering point's attributes, drawn from its own generator.
    struct Point {
        var mpan: Int64
        var supplier: Int
        var segment: MarketSegment
        var connection: ConnectionType
        var exporting: Bool
        var domestic: Bool
        var deEnergised: Bool
        var silent: Bool
        var llfClass: Int
        var generator: SplitMix64
    }

    func point(group: GSPGroup, index: Int) -> Point {
        let area = Self.areas.first { $0.group == group }!
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(area.id) << 40 &+ UInt64(index))
        let unique = Int64(index + 1)
        let mpan = try! MPAN(distributor: try! DistributorID(area.id), uniqueNumber: unique).value
        let draw = Int(random.next() % 100_000)
        let segment: MarketSegment = draw < 98_750 ? .smart : draw < 99_900 ? .advanced : .unmetered
        let connectionDraw = Int(random.next() % 100)
        let connection: ConnectionType =
            switch segment {
            case .smart: connectionDraw < 97 ? .wholeCurrent : .lowVoltageCT
            case .advanced:
                connectionDraw < 40
                    ? .wholeCurrent : connectionDraw < 85 ? .lowVoltageCT : connectionDraw < 98 ? .highVoltageCT : .extraHighVoltageCT
            case .unmetered: .unmetered
            }
        let supplierDraw = Int(random.next() % 1_000)
        let supplier = MarketParticipants.supplierShares.firstIndex { supplierDraw < $0 }!
        let exporting = segment == .smart && connection == .wholeCurrent && random.next() % 100 < 3
        let domestic = segment == .smart && connection == .wholeCurrent && random.next() % 100 < 92
        let deEnergised = random.next() % 1_000 < 5
        let silent = random.next() % 1_000 < 2
        let llfClass = Int(random.next() % 20) + (segment == .smart ? 1 : segment == .advanced ? 21 : 41)
        return Point(
            mpan: mpan, supplier: supplier, segment: segment, connection: connection, exporting: exporting, domestic: domestic,
            deEnergised: deEnergised, silent: silent, llfClass: llfClass, generator: random)
    }
}
