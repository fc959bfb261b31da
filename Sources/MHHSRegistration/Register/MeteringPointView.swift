import MHHSCore

/// The facts of a metering point on a date as known at an instant, with the date each fact's
/// current value took effect (DIP messages carry both).
public struct MeteringPointView: Sendable {
    public let mpan: MPAN
    public let gspGroup: GSPGroup
    public let facts: MeteringPointFacts
    private let effectiveDates: [Int: SettlementDate]

    /// The date the fact's current value took effect, or nil when it was never set.
    public func effectiveFrom(_ fact: RegisterFact) -> SettlementDate? { effectiveDates[fact.rawValue] }

    /// Folds `assertions` (any order) as ``RegisterFold`` does, tracking effective dates.
    public init?(mpan: MPAN, assertions: [RegisterAssertion], on date: SettlementDate, asKnownAt instant: UTCInstant) {
        let applicable = assertions.filter { $0.applies(on: date, asKnownAt: instant) }.sorted(by: RegisterAssertion.foldOrder)
        guard let first = applicable.first else { return nil }
        var facts = MeteringPointFacts()
        var dates: [Int: SettlementDate] = [:]
        for assertion in applicable {
            facts.apply(assertion.facts, mask: assertion.mask)
            for (fact, _) in RegisterFact.named where assertion.mask.contains(fact) { dates[fact.rawValue] = assertion.effectiveFrom }
        }
        self.mpan = mpan
        self.gspGroup = first.gspGroup
        self.facts = facts
        self.effectiveDates = dates
    }
}
