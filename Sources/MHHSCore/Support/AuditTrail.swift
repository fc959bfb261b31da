/// One change made through the operator interfaces: who made it, when, and what.
public struct AuditEvent: Hashable, Sendable, Codable {
    public let at: UTCInstant
    /// The caller's DIP id, MPID and role, as authenticated.
    public let actor: String
    /// What was done, e.g. `run.start`, `migration.run`.
    public let action: String
    /// What it was done to, e.g. a run id or a settlement date.
    public let target: String
    /// The outcome or the request's parameters.
    public let detail: String

    public init(at: UTCInstant, actor: String, action: String, target: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// Where audit events are kept: appended, never changed.
public protocol AuditTrail: Sendable {
    func record(_ event: AuditEvent) async throws
    /// The latest events first, at most `limit`.
    func events(limit: Int) async throws -> [AuditEvent]
}
