import MHHSCore

/// One GSP group take value: the metered energy entering (import) or leaving (export) a group
/// in one settlement period.
public struct GroupTake: Sendable, Hashable {
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let period: SettlementPeriod
    public let direction: EnergyDirection
    public let wattHours: Int64

    public init(settlementDate: SettlementDate, gspGroup: GSPGroup, period: SettlementPeriod, direction: EnergyDirection, wattHours: Int64)
    {
        self.settlementDate = settlementDate
        self.gspGroup = gspGroup
        self.period = period
        self.direction = direction
        self.wattHours = wattHours
    }
}

/// Where group takes live. Every import is kept with its recording time, so a run reads the
/// takes as known at its own time and an old run can be reproduced.
public protocol GroupTakeRepository: Sendable {
    func recordTakes(_ takes: [GroupTake], recordedAt: UTCInstant) async throws
    /// The latest value of each (group, period, direction) recorded at or before `instant`.
    func takes(on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> [GroupTake]
}

/// A stored run: its manifest and its result files, immutable once saved.
public struct StoredSettlementRun: Sendable {
    public let manifest: RunManifest
    /// File name → content (CSV), as the manifest's digests describe them.
    public let files: [String: [UInt8]]

    public init(manifest: RunManifest, files: [String: [UInt8]]) {
        self.manifest = manifest
        self.files = files
    }
}

/// Where runs live. Saving never replaces a run: ids are unique and a second save fails.
public protocol SettlementRunRepository: Sendable {
    func save(_ run: StoredSettlementRun) async throws
    /// Manifests, oldest first; all dates when `date` is nil.
    func runs(on date: SettlementDate?) async throws -> [RunManifest]
    func file(named name: String, ofRun id: String) async throws -> [UInt8]?
}

extension SettlementRunRepository {
    /// The latest run of a date (of a type, when given): the one created last.
    public func latest(on date: SettlementDate, type: SettlementRunType? = nil) async throws -> RunManifest? {
        try await runs(on: date).last { type == nil || $0.runType == type }
    }
}
