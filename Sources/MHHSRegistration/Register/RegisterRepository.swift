import MHHSCore

/// Where the register lives: an append-only store of ``RegisterAssertion``s. Implemented for
/// SQLite in `MHHSStorage`; every implementation passes the same conformance suite.
public protocol RegisterRepository: Sendable {
    /// Stores assertions in one transaction, assigning their sequence numbers (returned in
    /// order). An MPAN is bound to the GSP group of its first assertion: an assertion naming
    /// another group is rejected and nothing is stored.
    @discardableResult
    func record(_ assertions: [RegisterAssertion]) throws -> [Int64]

    /// Streams assertions into one transaction (bulk import): `body` calls `store` for each;
    /// if `body` or a store throws, nothing is kept. Returns how many were stored.
    func recordAll(_ body: (_ store: (RegisterAssertion) throws -> Void) throws -> Void) throws -> Int

    /// Every assertion about one MPAN, in recording order.
    func assertions(for mpan: MPAN) throws -> [RegisterAssertion]

    /// The GSP group an MPAN is registered in, or nil for an unknown MPAN.
    func gspGroup(of mpan: MPAN) throws -> GSPGroup?

    /// A GSP group's register for a date as known at an instant, in columns.
    func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) throws -> RegisterSnapshot

    /// How many metering points are registered.
    func meteringPointCount() throws -> Int
}

extension RegisterRepository {
    /// The facts of one MPAN on a date as known at an instant, or nil when nothing applies.
    public func state(of mpan: MPAN, on date: SettlementDate, asKnownAt instant: UTCInstant) throws -> MeteringPointFacts? {
        RegisterFold.state(of: try assertions(for: mpan), on: date, asKnownAt: instant)
    }

    /// The history of one MPAN in both times.
    public func history(of mpan: MPAN) throws -> RegisterHistory {
        RegisterHistory(mpan: mpan, assertions: try assertions(for: mpan))
    }
}
