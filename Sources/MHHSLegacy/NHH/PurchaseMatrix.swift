import MHHSCore

/// What legacy NHH settlement knows of one metering point on a date (from the register).
public struct NHHMeteringPoint: Sendable, Hashable {
    public var mpan: MPAN
    public var supplier: MPID
    public var gspGroup: GSPGroup
    public var profileClass: Int
    public var ssc: String
    public var llfClass: String?
    /// EAC or AA in Wh.
    public var annualWh: Int64

    public init(mpan: MPAN, supplier: MPID, gspGroup: GSPGroup, profileClass: Int, ssc: String, llfClass: String?, annualWh: Int64) {
        self.mpan = mpan
        self.supplier = supplier
        self.gspGroup = gspGroup
        self.profileClass = profileClass
        self.ssc = ssc
        self.llfClass = llfClass
        self.annualWh = annualWh
    }
}

/// One cell of the supplier purchase matrix [S]: Supplier × GSP group × profile class × SSC ×
/// LLF class × TPR.
public struct PurchaseMatrixKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var supplier: MPID
    public var gspGroup: GSPGroup
    public var profileClass: Int
    public var ssc: String
    public var llfClass: String
    public var tpr: String

    public var description: String {
        "\(supplier.value),\(gspGroup.rawValue),\(profileClass),\(ssc),\(llfClass),\(tpr)"
    }

    public static func < (lhs: PurchaseMatrixKey, rhs: PurchaseMatrixKey) -> Bool { lhs.description < rhs.description }
}

/// The supplier purchase matrix of one GSP group and date: Σ annual Wh per cell and how many
/// metering points, plus the points that could not be profiled and why.
public struct PurchaseMatrix: Sendable {
    public var annualWh: [PurchaseMatrixKey: Int64] = [:]
    public var meteringPoints: [PurchaseMatrixKey: Int] = [:]
    public var unprofiled: [(mpan: MPAN, reason: String)] = []
    /// SSCs met whose regimes overlap somewhere in the year (each shared period went to the
    /// first regime, by id) or that are teleswitched (profiled whole under `TELESWITCHED`).
    public var overlappingSSCs: Set<String> = []
    public var teleswitchedSSCs: Set<String> = []
    /// AFYC per regime of each (year, class, group, SSC) met, for ``NHHProfiler/volumes(_:on:)``.
    var annualFractions: [String: [Int64]] = [:]

    public init() {}

    public var keys: [PurchaseMatrixKey] { annualWh.keys.sorted() }
}
