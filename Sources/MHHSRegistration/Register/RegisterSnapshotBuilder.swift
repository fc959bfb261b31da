import MHHSCore

/// Builds a ``RegisterSnapshot`` from a stream of assertions sorted by MPAN (any order within
/// an MPAN), folding each metering point as its assertions go by.
///
/// Stores feed it either whole ``RegisterAssertion``s or, on their fast path, ``SnapshotRow``s
/// whose text values they have interned with ``participantIndex(_:)``, ``llfClassIndex(_:)`` and
/// ``sscIndex(_:)``.
public struct RegisterSnapshotBuilder {
    private var snapshot: RegisterSnapshot
    private var pending: [SnapshotRow] = []
    private var participantIndices: [MPID: Int32] = [:]
    private var llfIndices: [String: Int32] = [:]
    private var sscIndices: [String: Int32] = [:]

    public init(gspGroup: GSPGroup, settlementDate: SettlementDate, asKnownAt: UTCInstant, expectedCount: Int = 0) {
        snapshot = RegisterSnapshot(gspGroup: gspGroup, settlementDate: settlementDate, asKnownAt: asKnownAt)
        pending.reserveCapacity(16)
        if expectedCount > 0 { snapshot.reserve(expectedCount) }
    }

    public var settlementDate: SettlementDate { snapshot.settlementDate }
    public var asKnownAt: UTCInstant { snapshot.asKnownAt }

    /// Adds one assertion; assertions must arrive grouped by MPAN in ascending MPAN order.
    public mutating func add(_ assertion: RegisterAssertion) {
        guard assertion.applies(on: snapshot.settlementDate, asKnownAt: snapshot.asKnownAt) else { return }
        add(row(for: assertion))
    }

    /// Adds one encoded assertion that the caller has already checked applies to the
    /// snapshot's date and instant; rows must arrive grouped by MPAN in ascending MPAN order.
    @inline(__always)
    public mutating func add(_ row: SnapshotRow) {
        if let last = pending.last, last.mpan != row.mpan { flush() }
        pending.append(row)
    }

    public mutating func finish() -> RegisterSnapshot {
        flush()
        return snapshot
    }

    public mutating func participantIndex(_ participant: MPID) -> Int32 {
        if let index = participantIndices[participant] { return index }
        let index = Int32(snapshot.participants.count)
        snapshot.participants.append(participant)
        participantIndices[participant] = index
        return index
    }

    public mutating func llfClassIndex(_ llfClass: String) -> Int32 {
        Self.intern(llfClass, in: &llfIndices, table: &snapshot.llfClasses)
    }

    public mutating func sscIndex(_ ssc: String) -> Int32 {
        Self.intern(ssc, in: &sscIndices, table: &snapshot.standardSettlementConfigurations)
    }

    /// The code index of a value among its type's cases, or ``RegisterSnapshot/absent``.
    public static func code<C: CodeValue>(_ value: C?) -> UInt8 where C.AllCases == [C] {
        guard let value, let index = C.allCases.firstIndex(of: value) else { return RegisterSnapshot.absent }
        return UInt8(index)
    }

    private mutating func row(for assertion: RegisterAssertion) -> SnapshotRow {
        let facts = assertion.facts
        var row = SnapshotRow()
        row.mpan = assertion.mpan.value
        row.effectiveFrom = Int32(assertion.effectiveFrom.dayNumber)
        row.recordedAt = assertion.recordedAt.secondsSinceEpoch
        row.sequence = assertion.sequence
        row.mask = assertion.mask
        row.supplier = facts.supplier.map { participantIndex($0) } ?? -1
        row.dataService = facts.dataService.map { participantIndex($0.provider) } ?? -1
        row.dataServiceRole = Self.code(facts.dataService?.role)
        row.meteringService = facts.meteringService.map { participantIndex($0.provider) } ?? -1
        row.meteringServiceRole = Self.code(facts.meteringService?.role)
        row.distributor = facts.distributor.map { participantIndex($0) } ?? -1
        row.connectionType = Self.code(facts.connectionType)
        row.marketSegment = Self.code(facts.marketSegment)
        row.energyDirection = Self.code(facts.energyDirection)
        row.domesticPremise = Self.code(facts.domesticPremise)
        row.energisation = Self.code(facts.energisation)
        row.arrangement = Self.code(facts.arrangement)
        row.llfClass = facts.llfClass.map { llfClassIndex($0) } ?? -1
        row.profileClass = UInt8(clamping: facts.profileClass ?? 0)
        row.standardSettlementConfiguration = facts.standardSettlementConfiguration.map { sscIndex($0) } ?? -1
        row.annualConsumptionWh = facts.annualConsumption?.energy.wattHours ?? -1
        return row
    }

    private mutating func flush() {
        guard let first = pending.first else { return }
        var state = SnapshotRow()
        if pending.count == 1 {
            state.apply(first)
        } else {
            pending.sort { $0.foldsBefore($1) }
            for row in pending { state.apply(row) }
        }
        pending.removeAll(keepingCapacity: true)
        guard state.supplier >= 0 else { return }
        state.mpan = first.mpan
        snapshot.append(state)
    }

    private static func intern(_ text: String, in index: inout [String: Int32], table: inout [String]) -> Int32 {
        if let existing = index[text] { return existing }
        let new = Int32(table.count)
        table.append(text)
        index[text] = new
        return new
    }
}

extension RegisterSnapshot {
    mutating func reserve(_ count: Int) {
        mpans.reserveCapacity(count)
        supplier.reserveCapacity(count)
        dataService.reserveCapacity(count)
        dataServiceRole.reserveCapacity(count)
        meteringService.reserveCapacity(count)
        meteringServiceRole.reserveCapacity(count)
        distributor.reserveCapacity(count)
        connectionType.reserveCapacity(count)
        marketSegment.reserveCapacity(count)
        energyDirection.reserveCapacity(count)
        domesticPremise.reserveCapacity(count)
        energisation.reserveCapacity(count)
        arrangement.reserveCapacity(count)
        llfClass.reserveCapacity(count)
        profileClass.reserveCapacity(count)
        standardSettlementConfiguration.reserveCapacity(count)
        annualConsumptionWh.reserveCapacity(count)
    }

    mutating func append(_ state: SnapshotRow) {
        mpans.append(state.mpan)
        supplier.append(state.supplier)
        dataService.append(state.dataService)
        dataServiceRole.append(state.dataServiceRole)
        meteringService.append(state.meteringService)
        meteringServiceRole.append(state.meteringServiceRole)
        distributor.append(state.distributor)
        connectionType.append(state.connectionType)
        marketSegment.append(state.marketSegment)
        energyDirection.append(state.energyDirection)
        domesticPremise.append(state.domesticPremise)
        energisation.append(state.energisation)
        arrangement.append(state.arrangement)
        llfClass.append(state.llfClass)
        profileClass.append(state.profileClass)
        standardSettlementConfiguration.append(state.standardSettlementConfiguration)
        annualConsumptionWh.append(state.annualConsumptionWh)
    }
}
