import MHHSCore

/// The parties responsible for a metering point on a date, as the register knows them: what
/// the hub needs to resolve secondary recipients.
public struct MeteringPointParties: Hashable, Sendable {
    public var supplier: MPID?
    public var distributor: MPID?
    /// The data service and the DIP role it acts in (SDS, ADS or UMSDS).
    public var dataService: (mpid: MPID, role: DIPRole)?
    /// The metering service and its DIP role (MSS, MSA or UMSO).
    public var meteringService: (mpid: MPID, role: DIPRole)?

    public init(
        supplier: MPID? = nil, distributor: MPID? = nil, dataService: (mpid: MPID, role: DIPRole)? = nil,
        meteringService: (mpid: MPID, role: DIPRole)? = nil
    ) {
        self.supplier = supplier
        self.distributor = distributor
        self.dataService = dataService
        self.meteringService = meteringService
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.supplier == rhs.supplier && lhs.distributor == rhs.distributor
            && lhs.dataService?.mpid == rhs.dataService?.mpid && lhs.dataService?.role == rhs.dataService?.role
            && lhs.meteringService?.mpid == rhs.meteringService?.mpid && lhs.meteringService?.role == rhs.meteringService?.role
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(supplier)
        hasher.combine(distributor)
        hasher.combine(dataService?.mpid)
        hasher.combine(meteringService?.mpid)
    }

    /// The party in a role, if the metering point has one in it.
    public func party(in role: DIPRole) -> MPID? {
        switch role {
        case .supplier: supplier
        case .distributor: distributor
        case dataService?.role: dataService?.mpid
        case meteringService?.role: meteringService?.mpid
        default: nil
        }
    }
}

/// Where the hub learns who is appointed to an MPAN: the register, in `mhhs serve`.
public protocol AppointedParties: Sendable {
    /// Nil when the MPAN is unknown.
    func parties(of mpan: MPAN, on date: SettlementDate) async throws -> MeteringPointParties?
    /// Many at once, in order: one read for a whole request.
    func parties(of requests: [(MPAN, SettlementDate)]) async throws -> [MeteringPointParties?]
}

extension AppointedParties {
    public func parties(of requests: [(MPAN, SettlementDate)]) async throws -> [MeteringPointParties?] {
        var found: [MeteringPointParties?] = []
        for (mpan, date) in requests { found.append(try await parties(of: mpan, on: date)) }
        return found
    }
}
