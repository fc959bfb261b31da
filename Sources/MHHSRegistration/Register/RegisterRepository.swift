import MHHSCore
import MHHSMessages

/// Where the register lives: an append-only store of ``RegisterAssertion``s. Implemented for
/// SQLite and PostgreSQL in `MHHSStorage`; both pass the same conformance suite.
///
/// Asynchronous because the server calls it from request handlers: no implementation blocks
/// a caller's thread on I/O.
public protocol RegisterRepository: Sendable {
    /// Stores assertions in one transaction, assigning their sequence numbers (returned in
    /// order). An MPAN is bound to the GSP group of its first assertion: an assertion naming
    /// another group is rejected (`REG0002`) and nothing is stored.
    @discardableResult
    func record(_ assertions: [RegisterAssertion]) async throws -> [Int64]

    /// Bulk load in one transaction: `produce` runs synchronously (on a thread of the store's
    /// choosing, never the caller's executor) and calls `store` for each assertion; if either
    /// throws, nothing is kept. Returns how many were stored.
    func recordAll(_ produce: @escaping @Sendable (_ store: (RegisterAssertion) throws -> Void) throws -> Void) async throws -> Int

    /// Every assertion about one MPAN, in recording order.
    func assertions(for mpan: MPAN) async throws -> [RegisterAssertion]

    /// The histories of many MPANs in order (empty for unknown ones), read together: the hub
    /// routes a whole request with one call.
    func assertions(for mpans: [MPAN]) async throws -> [[RegisterAssertion]]

    /// The GSP group an MPAN is registered in, or nil for an unknown MPAN.
    func gspGroup(of mpan: MPAN) async throws -> GSPGroup?

    /// A GSP group's register for a date as known at an instant, in columns.
    func snapshot(of group: GSPGroup, on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> RegisterSnapshot

    /// How many metering points are registered.
    func meteringPointCount() async throws -> Int

    /// Reads an MPAN's assertions and appointment requests and records what `decide` returns
    /// (assertions, appointment requests and outbox messages) in one transaction that holds the
    /// MPAN, so two requests about one MPAN never decide on the same stale state. If `decide`
    /// throws, nothing is recorded.
    func update(
        _ mpan: MPAN,
        _ decide: @escaping @Sendable (_ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> RegistrationOutcome

    /// ``update(_:_:)`` for many MPANs in order, each deciding on the state the earlier ones
    /// left (two requests about one MPAN see each other). A `decide` that throws records nothing
    /// for its MPAN and its error is returned in its place; the others are recorded. A store may
    /// do it all in one transaction (the embedded one does), so a crash keeps none of it.
    func updateEach(
        _ mpans: [MPAN],
        _ decide: @escaping @Sendable (_ index: Int, _ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> [Result<RegistrationOutcome, any Error>]

    /// Appointment requests still waiting for an answer that were made before `instant`
    /// (the lapse scheduler's work list).
    func pendingAppointments(requestedBefore instant: UTCInstant) async throws -> [PendingAppointment]
    /// The pending appointment requests of these points (any age), oldest first: a caller
    /// working through millions of points reads them a batch at a time.
    func pendingAppointments(of mpans: [MPAN]) async throws -> [PendingAppointment]

    /// Outbox messages after a position, oldest first, for the hub (or a test) to take.
    func outbox(after sequence: Int64, limit: Int) async throws -> [StoredOutboundMessage]
}

extension RegisterRepository {
    public func updateEach(
        _ mpans: [MPAN],
        _ decide: @escaping @Sendable (_ index: Int, _ record: MeteringPointRecord) throws -> RegistrationOutcome
    ) async throws -> [Result<RegistrationOutcome, any Error>] {
        var results: [Result<RegistrationOutcome, any Error>] = []
        for (index, mpan) in mpans.enumerated() {
            // Only the decision's own error is the MPAN's; a storage error ends the batch.
            let decision = DecisionError()
            do {
                results.append(
                    .success(
                        try await update(mpan) { record in
                            do { return try decide(index, record) } catch {
                                decision.error = error
                                throw error
                            }
                        }))
            } catch let error where decision.error != nil {
                results.append(.failure(error))
            }
        }
        return results
    }

    public func assertions(for mpans: [MPAN]) async throws -> [[RegisterAssertion]] {
        var histories: [[RegisterAssertion]] = []
        for mpan in mpans { histories.append(try await assertions(for: mpan)) }
        return histories
    }

    /// The facts of one MPAN on a date as known at an instant, or nil when nothing applies.
    public func state(of mpan: MPAN, on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> MeteringPointFacts? {
        RegisterFold.state(of: try await assertions(for: mpan), on: date, asKnownAt: instant)
    }

    /// The history of one MPAN in both times.
    public func history(of mpan: MPAN) async throws -> RegisterHistory {
        RegisterHistory(mpan: mpan, assertions: try await assertions(for: mpan))
    }
}

/// Carries a decision's error out of ``RegisterRepository/update(_:_:)``, so ``updateEach`` can
/// tell it from a storage error. Written once, inside the update, before it is read.
final class DecisionError: @unchecked Sendable {
    var error: (any Error)?
}
