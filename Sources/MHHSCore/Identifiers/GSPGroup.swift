/// One of the 14 GSP groups of GB [C]. There is no `_I` or `_O`.
public enum GSPGroup: String, CodeValue, Comparable {
    case eastern = "_A"
    case eastMidlands = "_B"
    case london = "_C"
    case merseysideAndNorthWales = "_D"
    case midlands = "_E"
    case northern = "_F"
    case northWestern = "_G"
    case southern = "_H"
    case southEastern = "_J"
    case southWales = "_K"
    case southWestern = "_L"
    case yorkshire = "_M"
    case southScotland = "_N"
    case northScotland = "_P"

    public static let kind = "GSP group"

    /// The group's name as Market Domain Data gives it.
    public var name: String {
        switch self {
        case .eastern: "Eastern"
        case .eastMidlands: "East Midlands"
        case .london: "London"
        case .merseysideAndNorthWales: "Merseyside and North Wales"
        case .midlands: "Midlands"
        case .northern: "Northern"
        case .northWestern: "North Western"
        case .southern: "Southern"
        case .southEastern: "South Eastern"
        case .southWales: "South Wales"
        case .southWestern: "South Western"
        case .yorkshire: "Yorkshire"
        case .southScotland: "South Scotland"
        case .northScotland: "North Scotland"
        }
    }

    /// The group letter without the underscore (used in BM unit ids).
    public var letter: Character { rawValue.last! }

    /// The DNO whose area this group is.
    public var dno: DistributorID {
        DistributorID.dnoIDs.first { $0.gspGroup == self }!
    }

    /// A dense index 0–13, for arrays keyed by group.
    public var index: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: GSPGroup, rhs: GSPGroup) -> Bool { lhs.rawValue < rhs.rawValue }
}
