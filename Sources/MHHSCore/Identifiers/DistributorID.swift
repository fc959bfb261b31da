/// The two-digit distributor id at the start of an MPAN core.
///
/// Ids 10–23 are the 14 DNO areas, each with a fixed GSP group; 24 and above are IDNOs, whose
/// GSP group comes from registration, not from the id.
public struct DistributorID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) throws(MPANError) {
        guard (10...99).contains(value) else { throw .unknownDistributor(value) }
        self.value = value
    }

    init(unchecked value: Int) { self.value = value }

    /// The DNO area's GSP group, or nil for an IDNO.
    public var gspGroup: GSPGroup? { Self.dnoAreas[value]?.group }

    /// The DNO's market participant id (e.g. `LOND` for 12), or nil for an IDNO.
    public var dnoMPID: MPID? { Self.dnoAreas[value].map { MPID(unchecked: $0.mpid) } }

    /// Whether the id belongs to one of the 14 licensed DNO areas.
    public var isDNO: Bool { Self.dnoAreas[value] != nil }

    public var description: String { String(value) }

    public static func < (lhs: DistributorID, rhs: DistributorID) -> Bool { lhs.value < rhs.value }

    /// The 14 DNO areas: distributor id → (MPID, GSP group) [C].
    static let dnoAreas: [Int: (mpid: String, group: GSPGroup)] = [
        10: ("EELC", .eastern), 11: ("EMEB", .eastMidlands), 12: ("LOND", .london),
        13: ("MANW", .merseysideAndNorthWales), 14: ("MIDE", .midlands), 15: ("NEEB", .northern),
        16: ("NORW", .northWestern), 17: ("HYDE", .northScotland), 18: ("SPOW", .southScotland),
        19: ("SEEB", .southEastern), 20: ("SOUT", .southern), 21: ("SWAE", .southWales),
        22: ("SWEB", .southWestern), 23: ("YELG", .yorkshire),
    ]

    /// All 14 DNO distributor ids in order.
    public static var dnoIDs: [DistributorID] { dnoAreas.keys.sorted().map(DistributorID.init(unchecked:)) }

    /// The DNO distributor id whose MPID is `mpid`, if it is one of the 14.
    public static func dno(mpid: MPID) -> DistributorID? {
        dnoAreas.first { $0.value.mpid == mpid.value }.map { DistributorID(unchecked: $0.key) }
    }
}
