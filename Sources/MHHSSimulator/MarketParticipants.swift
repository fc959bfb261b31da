import MHHSCore
import MHHSRegistration
import MHHSStandingData

/// Who trades in the synthetic market: its suppliers (in ``supplierShares`` order), the MHHS data and
/// metering services the migration waves appoint, and the legacy agents every point starts with.
///
/// Drawn from Market Domain Data when it is at hand, so the market's MPIDs are real
/// participants holding the right roles on the start date; otherwise synthetic MPIDs.
public struct MarketParticipants: Sendable, Hashable {
    public let suppliers: [MPID]
    public let providers: [AppointmentRole: MPID]
    public let legacyMeterOperator: MPID
    public let legacyNHHDataCollector: MPID
    public let legacyHHDataCollector: MPID
    /// Where they came from, for the demo's summary.
    public let source: String

    /// Cumulative supplier market shares (per mille): a few large suppliers and a long tail.
    public static let supplierShares = [200, 420, 560, 660, 760, 820, 860, 890, 910, 930, 945, 960, 972, 984, 993, 1_000]

    /// [A] MDD role codes per appointment role: the MHHS service roles (N, O, Q smart, advanced
    /// and unmetered data service; S, T smart and advanced meter equipment manager; 3 UMSO) and
    /// the legacy agents (M meter operator, D NHH and C HH data collector).
    public static let mddRoles: [AppointmentRole: String] = [
        .smartDataService: "N", .advancedDataService: "O", .unmeteredDataService: "Q", .smartMeteringService: "S",
        .advancedMeteringService: "T", .unmeteredSupplyOperator: "3",
    ]

    public static let synthetic = MarketParticipants(
        suppliers: [
            "BGAS", "OCTO", "EONS", "EDFI", "OVOE", "SCOT", "SHEL", "UTIL", "SOEN", "OUTF", "CORE", "GREE", "TOTL", "ECOT", "GOOD", "OCEA",
        ]
        .map { try! MPID($0) },
        providers: [
            .smartDataService: try! MPID("SDSA"), .smartMeteringService: try! MPID("MSSA"), .advancedDataService: try! MPID("ADSA"),
            .advancedMeteringService: try! MPID("MSAA"), .unmeteredDataService: try! MPID("UMDA"),
            .unmeteredSupplyOperator: try! MPID("UMOA"),
        ],
        legacyMeterOperator: try! MPID("LMOP"), legacyNHHDataCollector: try! MPID("LDCO"), legacyHHDataCollector: try! MPID("LDCO"),
        source: "synthetic MPIDs")

    public init(
        suppliers: [MPID], providers: [AppointmentRole: MPID], legacyMeterOperator: MPID, legacyNHHDataCollector: MPID,
        legacyHHDataCollector: MPID, source: String
    ) {
        self.suppliers = suppliers
        self.providers = providers
        self.legacyMeterOperator = legacyMeterOperator
        self.legacyNHHDataCollector = legacyNHHDataCollector
        self.legacyHHDataCollector = legacyHHDataCollector
        self.source = source
    }

    /// Participants drawn (by the seed) from those holding each role on every one of `dates`
    /// (the demo's registration date and its first settlement date) in `mdd`: 16 suppliers
    /// (role X), one provider per MHHS service role, and legacy agents that are not also the
    /// chosen providers (the directory tells old and new apart by MPID).
    public static func drawn(from mdd: MarketDomainData, holdingRolesOn dates: [SettlementDate], seed: UInt64)
        throws(MarketParticipantsError) -> MarketParticipants
    {
        let date = dates.first!
        var random = SplitMix64(seed: seed &* 0xA24B_AED4_963E_E407 &+ 0x5EED)
        func draw(_ roleCode: String, count: Int, avoiding: Set<MPID> = []) throws(MarketParticipantsError) -> [MPID] {
            var candidates = mdd.participants(withRole: roleCode, on: date).filter { participant in
                !avoiding.contains(participant) && dates.allSatisfy { mdd.hasRole(participant, roleCode, on: $0) }
            }
            guard candidates.count >= count else {
                throw MarketParticipantsError(
                    roleCode: roleCode, needed: count, found: candidates.count, date: date, version: mdd.version)
            }
            var chosen: [MPID] = []
            for _ in 0..<count { chosen.append(candidates.remove(at: Int(random.next() % UInt64(candidates.count)))) }
            return chosen
        }
        let suppliers = try draw("X", count: supplierShares.count)
        var providers: [AppointmentRole: MPID] = [:]
        for role in mddRoles.keys.sorted(by: { $0.rawValue < $1.rawValue }) { providers[role] = try draw(mddRoles[role]!, count: 1)[0] }
        let taken = Set(providers.values)
        return MarketParticipants(
            suppliers: suppliers, providers: providers, legacyMeterOperator: try draw("M", count: 1, avoiding: taken)[0],
            legacyNHHDataCollector: try draw("D", count: 1, avoiding: taken)[0],
            legacyHHDataCollector: try draw("C", count: 1, avoiding: taken)[0],
            source: "MDD \(mdd.version): \(suppliers.count) of \(mdd.participants(withRole: "X", on: date).count) suppliers")
    }
}

/// MDD has too few participants in a role on the date for the market.
public struct MarketParticipantsError: Error, Hashable, Sendable, CustomStringConvertible {
    public let roleCode: String
    public let needed: Int
    public let found: Int
    public let date: SettlementDate
    public let version: String

    public var description: String {
        "MDD \(version) has \(found) participants holding role \(roleCode) from \(date) on; the synthetic market needs \(needed) "
            + "(choose a later --start, or --mdd none for synthetic MPIDs)"
    }
}
