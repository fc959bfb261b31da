import MHHSCore

/// One recorded statement about a metering point: "from `effectiveFrom`, these facts hold",
/// recorded at `recordedAt`. The register is an append-only list of these.
///
/// Bitemporal reading: the value of a fact on settlement date D as known at instant T comes
/// from the assertion that sets it, was recorded at or before T and is effective on or before
/// D, with the latest effective date; among those with the same effective date, the latest
/// recorded wins (a correction). So a change of supplier effective on day 1 but recorded on
/// day 10 is invisible to a run that reads the register as known on day 5, and visible to a
/// rerun on day 11, and the day-5 view can always be reproduced.
public struct RegisterAssertion: Hashable, Sendable {
    public let mpan: MPAN
    public let gspGroup: GSPGroup
    public let effectiveFrom: SettlementDate
    public let recordedAt: UTCInstant
    /// Which facts this assertion sets; facts outside the mask are untouched.
    public let mask: RegisterFact
    public let facts: MeteringPointFacts
    /// What recorded it: an import file, a process and interface (e.g. `IF-031`).
    public let source: String
    /// The store's recording order, unique across the register; 0 until stored.
    public var sequence: Int64

    public init(
        mpan: MPAN, gspGroup: GSPGroup, effectiveFrom: SettlementDate, recordedAt: UTCInstant, mask: RegisterFact,
        facts: MeteringPointFacts, source: String, sequence: Int64 = 0
    ) {
        self.mpan = mpan
        self.gspGroup = gspGroup
        self.effectiveFrom = effectiveFrom
        self.recordedAt = recordedAt
        self.mask = mask
        self.facts = facts
        self.source = source
        self.sequence = sequence
    }

    /// The order in which assertions are folded: effective date, then recording time, then sequence.
    public static func foldOrder(_ lhs: RegisterAssertion, _ rhs: RegisterAssertion) -> Bool {
        (lhs.effectiveFrom.dayNumber, lhs.recordedAt.secondsSinceEpoch, lhs.sequence)
            < (rhs.effectiveFrom.dayNumber, rhs.recordedAt.secondsSinceEpoch, rhs.sequence)
    }

    /// Whether the assertion counts for date `date` as known at `instant`.
    public func applies(on date: SettlementDate, asKnownAt instant: UTCInstant) -> Bool {
        effectiveFrom <= date && recordedAt <= instant
    }
}

/// Folding assertions into the state of a metering point.
public enum RegisterFold {
    /// The facts of one metering point on `date` as known at `instant`, or nil when nothing
    /// applicable was recorded. `assertions` may be in any order.
    public static func state(
        of assertions: [RegisterAssertion],
        on date: SettlementDate,
        asKnownAt instant: UTCInstant
    ) -> MeteringPointFacts? {
        let applicable = assertions.filter { $0.applies(on: date, asKnownAt: instant) }.sorted(by: RegisterAssertion.foldOrder)
        guard !applicable.isEmpty else { return nil }
        var state = MeteringPointFacts()
        for assertion in applicable { state.apply(assertion.facts, mask: assertion.mask) }
        return state
    }
}
