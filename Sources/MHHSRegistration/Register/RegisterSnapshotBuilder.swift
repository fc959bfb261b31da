import MHHSCore

/// Builds a ``RegisterSnapshot`` from a stream of assertions sorted by MPAN (any order within
/// an MPAN), folding each metering point as its assertions go by.
public struct RegisterSnapshotBuilder {
    private var snapshot: RegisterSnapshot
    private var pending: [RegisterAssertion] = []
    private var participantIndex: [MPID: Int32] = [:]
    private var llfIndex: [String: Int32] = [:]
    private var sscIndex: [String: Int32] = [:]

    public init(gspGroup: GSPGroup, settlementDate: SettlementDate, asKnownAt: UTCInstant, expectedCount: Int = 0) {
        snapshot = RegisterSnapshot(gspGroup: gspGroup, settlementDate: settlementDate, asKnownAt: asKnownAt)
        if expectedCount > 0 { reserve(expectedCount) }
    }

    /// Adds one assertion; assertions must arrive grouped by MPAN in ascending MPAN order.
    public mutating func add(_ assertion: RegisterAssertion) {
        guard assertion.applies(on: snapshot.settlementDate, asKnownAt: snapshot.asKnownAt) else { return }
        if let last = pending.last, last.mpan != assertion.mpan { flush() }
        pending.append(assertion)
    }

    public mutating func finish() -> RegisterSnapshot {
        flush()
        return snapshot
    }

    private mutating func reserve(_ count: Int) {
        snapshot.mpans.reserveCapacity(count)
        snapshot.supplier.reserveCapacity(count)
        snapshot.dataService.reserveCapacity(count)
        snapshot.dataServiceRole.reserveCapacity(count)
        snapshot.distributor.reserveCapacity(count)
        snapshot.connectionType.reserveCapacity(count)
        snapshot.marketSegment.reserveCapacity(count)
        snapshot.energyDirection.reserveCapacity(count)
        snapshot.domesticPremise.reserveCapacity(count)
        snapshot.energisation.reserveCapacity(count)
        snapshot.arrangement.reserveCapacity(count)
        snapshot.llfClass.reserveCapacity(count)
        snapshot.profileClass.reserveCapacity(count)
        snapshot.standardSettlementConfiguration.reserveCapacity(count)
        snapshot.annualConsumptionWh.reserveCapacity(count)
    }

    private mutating func flush() {
        guard let first = pending.first else { return }
        if pending.count > 1 { pending.sort(by: RegisterAssertion.foldOrder) }
        var state = MeteringPointFacts()
        for assertion in pending { state.apply(assertion.facts, mask: assertion.mask) }
        pending.removeAll(keepingCapacity: true)
        guard let supplier = state.supplier else { return }
        snapshot.mpans.append(first.mpan.value)
        snapshot.supplier.append(index(of: supplier))
        snapshot.dataService.append(state.dataService.map { index(of: $0.provider) } ?? RegisterSnapshot.absentIndex)
        snapshot.dataServiceRole.append(code(state.dataService?.role))
        snapshot.distributor.append(state.distributor.map { index(of: $0) } ?? RegisterSnapshot.absentIndex)
        snapshot.connectionType.append(code(state.connectionType))
        snapshot.marketSegment.append(code(state.marketSegment))
        snapshot.energyDirection.append(code(state.energyDirection))
        snapshot.domesticPremise.append(code(state.domesticPremise))
        snapshot.energisation.append(code(state.energisation))
        snapshot.arrangement.append(code(state.arrangement))
        snapshot.llfClass.append(state.llfClass.map { Self.intern($0, in: &llfIndex, table: &snapshot.llfClasses) } ?? -1)
        snapshot.profileClass.append(UInt8(clamping: state.profileClass ?? 0))
        snapshot.standardSettlementConfiguration.append(
            state.standardSettlementConfiguration.map {
                Self.intern($0, in: &sscIndex, table: &snapshot.standardSettlementConfigurations)
            } ?? -1)
        snapshot.annualConsumptionWh.append(state.annualConsumption?.energy.wattHours ?? -1)
    }

    private mutating func index(of participant: MPID) -> Int32 {
        if let index = participantIndex[participant] { return index }
        let index = Int32(snapshot.participants.count)
        snapshot.participants.append(participant)
        participantIndex[participant] = index
        return index
    }

    private func code<C: CodeValue>(_ value: C?) -> UInt8 where C.AllCases == [C] {
        guard let value, let index = C.allCases.firstIndex(of: value) else { return RegisterSnapshot.absent }
        return UInt8(index)
    }

    private static func intern(_ text: String, in index: inout [String: Int32], table: inout [String]) -> Int32 {
        if let existing = index[text] { return existing }
        let new = Int32(table.count)
        table.append(text)
        index[text] = new
        return new
    }
}
