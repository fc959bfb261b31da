import MHHSCore

/// Where MDS keeps SP data: immutable segments per (settlement date, GSP group), each stamped
/// with the version (ingest sequence) that wrote it. Implemented by the embedded file store
/// and by PostgreSQL in `MHHSStorage`; both pass one conformance suite.
///
/// Nothing is ever overwritten: a resubmission is a new version, and a run reads "the latest
/// version of each MPAN × MQ × period at or below its cut-off version", so a rerun with the same
/// cut-off sees the same data.
public protocol SPDataStore: Sendable {
    /// Stores the segments of one ingest atomically and durably, stamping every row with a new
    /// version; returns once they are safe across a crash. Nothing is visible before that,
    /// and nothing of a failed append ever becomes visible. Versions and receipt times rise
    /// together: a `receivedAt` earlier than the last ingest's is recorded as that one's
    /// (the receipt says which), so "received by T" always means "version ≤ V".
    func append(_ segments: [SPSegmentBuilder], receivedAt: UTCInstant) async throws -> SPIngestReceipt

    /// The segments of one date and group written at or below `version`, oldest first.
    func segments(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegment]

    /// What the store holds for one date and group at or below `version` (for manifests).
    func segmentRecords(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord]

    /// The highest version received at or before `instant` (0 when none): a run's cut-off.
    func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64
}

/// What one append stored.
public struct SPIngestReceipt: Sendable, Hashable {
    public let version: Int64
    public let receivedAt: UTCInstant
    public let segments: [SPSegmentRecord]

    public init(version: Int64, receivedAt: UTCInstant, segments: [SPSegmentRecord]) {
        self.version = version
        self.receivedAt = receivedAt
        self.segments = segments
    }
}

/// One stored segment.
public struct SPSegmentRecord: Sendable, Hashable, Codable {
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let version: Int64
    public let rows: Int
    public let receivedAt: UTCInstant
    /// The SHA-256 of the segment's content (its trailer), hex.
    public let sha256: String

    public init(settlementDate: SettlementDate, gspGroup: GSPGroup, version: Int64, rows: Int, receivedAt: UTCInstant, sha256: String) {
        self.settlementDate = settlementDate
        self.gspGroup = gspGroup
        self.version = version
        self.rows = rows
        self.receivedAt = receivedAt
        self.sha256 = sha256
    }
}
