import MHHSCore

/// The history of a metering point in both times: each assertion in recording order, with the
/// validity of each fact it set as the register knows it now.
public struct RegisterHistory: Sendable {
    /// One fact set by one assertion.
    public struct FactEntry: Sendable {
        public let name: String
        public let value: String
        /// The last settlement date the value holds for, as known now; nil when open-ended.
        public let validTo: SettlementDate?
        /// The sequence of a later-recorded assertion with the same effective date that replaced it.
        public let supersededBy: Int64?
    }

    public struct Entry: Sendable {
        public let assertion: RegisterAssertion
        public let facts: [FactEntry]
    }

    public let mpan: MPAN
    public let entries: [Entry]

    public init(mpan: MPAN, assertions: [RegisterAssertion]) {
        self.mpan = mpan
        let byRecording = assertions.sorted { $0.sequence < $1.sequence }
        entries = byRecording.map { assertion in
            let facts = RegisterFact.named.filter { assertion.mask.contains($0.fact) }.map { fact, name in
                let setters = assertions.filter { $0.mask.contains(fact) && $0.sequence != assertion.sequence }
                let replacement = setters.filter {
                    $0.effectiveFrom == assertion.effectiveFrom && RegisterAssertion.foldOrder(assertion, $0)
                }.min { $0.sequence < $1.sequence }
                let nextChange = setters.filter { $0.effectiveFrom > assertion.effectiveFrom }.map(\.effectiveFrom).min()
                return FactEntry(
                    name: name, value: assertion.facts.describe(fact).first?.value ?? "—",
                    validTo: nextChange.map { $0.adding(days: -1) }, supersededBy: replacement?.sequence)
            }
            return Entry(assertion: assertion, facts: facts)
        }
    }
}
