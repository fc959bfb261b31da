/// One assertion's facts encoded as snapshot codes: plain integers, so folding a metering
/// point's assertions copies numbers and allocates nothing.
///
/// Text values are indices into the builder's dictionaries (see
/// ``RegisterSnapshotBuilder/participantIndex(_:)``); `-1` / ``RegisterSnapshot/absent`` mean
/// no value.
public struct SnapshotRow: Sendable {
    public var mpan: Int64 = 0
    public var effectiveFrom: Int32 = 0
    public var recordedAt: Int64 = 0
    public var sequence: Int64 = 0
    public var mask = RegisterFact()
    public var supplier: Int32 = -1
    public var dataService: Int32 = -1
    public var dataServiceRole: UInt8 = RegisterSnapshot.absent
    public var meteringService: Int32 = -1
    public var meteringServiceRole: UInt8 = RegisterSnapshot.absent
    public var distributor: Int32 = -1
    public var connectionType: UInt8 = RegisterSnapshot.absent
    public var marketSegment: UInt8 = RegisterSnapshot.absent
    public var energyDirection: UInt8 = RegisterSnapshot.absent
    public var domesticPremise: UInt8 = RegisterSnapshot.absent
    public var energisation: UInt8 = RegisterSnapshot.absent
    public var arrangement: UInt8 = RegisterSnapshot.absent
    public var llfClass: Int32 = -1
    public var profileClass: UInt8 = 0
    public var standardSettlementConfiguration: Int32 = -1
    public var annualConsumptionWh: Int64 = -1

    public init() {}

    /// Copies the facts in `row.mask` from `row` (the snapshot's columns only).
    @inline(__always)
    mutating func apply(_ row: SnapshotRow) {
        let mask = row.mask
        if mask.contains(.supplier) { supplier = row.supplier }
        if mask.contains(.dataService) {
            dataService = row.dataService
            dataServiceRole = row.dataServiceRole
        }
        if mask.contains(.meteringService) {
            meteringService = row.meteringService
            meteringServiceRole = row.meteringServiceRole
        }
        if mask.contains(.distributor) { distributor = row.distributor }
        if mask.contains(.connectionType) { connectionType = row.connectionType }
        if mask.contains(.marketSegment) { marketSegment = row.marketSegment }
        if mask.contains(.energyDirection) { energyDirection = row.energyDirection }
        if mask.contains(.domesticPremise) { domesticPremise = row.domesticPremise }
        if mask.contains(.energisation) { energisation = row.energisation }
        if mask.contains(.arrangement) { arrangement = row.arrangement }
        if mask.contains(.llfClass) { llfClass = row.llfClass }
        if mask.contains(.legacyProfile) {
            profileClass = row.profileClass
            standardSettlementConfiguration = row.standardSettlementConfiguration
        }
        if mask.contains(.annualConsumption) { annualConsumptionWh = row.annualConsumptionWh }
    }

    /// Whether `self` folds before `other`: effective date, then recording time, then sequence.
    @inline(__always)
    func foldsBefore(_ other: SnapshotRow) -> Bool {
        (effectiveFrom, recordedAt, sequence) < (other.effectiveFrom, other.recordedAt, other.sequence)
    }
}
