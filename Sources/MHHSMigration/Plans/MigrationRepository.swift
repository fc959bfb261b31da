import MHHSCore

/// Where waves, their metering points and the legacy closures are kept: SQLite or PostgreSQL
/// (`MHHSStorage`), both passing the same conformance tests.
public protocol MigrationRepository: Sendable {
    /// Stores a new wave with the points `plan` gives it, in one transaction that holds every
    /// other planner out: `plan` is called inside it with the points booked per LDSO and day
    /// (every wave's points not failed) and the MPANs already in a wave and neither failed nor
    /// reversed (those may be planned again). Throws
    /// ``MigrationError/duplicateWave(_:)`` when the name is taken; nothing is kept if `plan` throws.
    func createWave(
        _ wave: MigrationWave,
        plan: @escaping @Sendable (_ booked: [MPID: [SettlementDate: Int]], _ active: Set<MPAN>) throws -> [MigrationItem]
    ) async throws -> [MigrationItem]

    /// Every wave, oldest first.
    func waves() async throws -> [MigrationWave]

    /// The points of one wave, or of every wave when nil, by planned date then MPAN.
    func items(wave: String?) async throws -> [MigrationItem]

    /// The points in `status` planned on or before `date`, by planned date then MPAN.
    func items(status: MigrationStatus, plannedOnOrBefore date: SettlementDate) async throws -> [MigrationItem]

    /// Stores each point's new status, detail and time (matched by wave and MPAN) only if its
    /// stored status is still `expected`, in one transaction; returns, per point, whether it did
    /// (false: another run got there first).
    func update(_ items: [MigrationItem], expecting expected: MigrationStatus) async throws -> [Bool]

    /// The legacy closures recorded so far.
    func closures() async throws -> [LegacyClosure]

    /// Records a segment's closure unless one is already recorded; returns the one that holds.
    func close(_ closure: LegacyClosure) async throws -> LegacyClosure
}

/// The legacy path of a market segment closed: every metering point of the segment has
/// migrated, so no settlement date after `lastLegacyDate` settles any of them on the legacy
/// path. Reruns of earlier dates still do, up to their dispute final.
public struct LegacyClosure: Sendable, Hashable {
    public let segment: MarketSegment
    public let lastLegacyDate: SettlementDate
    public let closedAt: UTCInstant

    public init(segment: MarketSegment, lastLegacyDate: SettlementDate, closedAt: UTCInstant) {
        self.segment = segment
        self.lastLegacyDate = lastLegacyDate
        self.closedAt = closedAt
    }
}
