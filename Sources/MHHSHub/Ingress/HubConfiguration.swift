import MHHSCore

/// The hub's settings; every value marked [A] in docs/HUB.md is one of these.
public struct HubConfiguration: Sendable {
    /// The hub's own DIP participant id: the `senderID` of its responses.
    public var hubDIPID: DIPID
    public var routes: InterfaceRoutes
    /// How long a (sender, senderUniqueReference) pair is remembered [A]: 30 days.
    public var referenceWindowSeconds: Int64
    /// How far in the future a sender timestamp may be before MSG1007 [A]: 5 minutes.
    public var allowedFutureSkewSeconds: Int64
    /// The most messages one request may carry [A].
    public var maximumMessagesPerRequest: Int

    public init(
        hubDIPID: DIPID, routes: InterfaceRoutes = .standard, referenceWindowSeconds: Int64 = 30 * 86_400,
        allowedFutureSkewSeconds: Int64 = 300, maximumMessagesPerRequest: Int = 1_000
    ) {
        self.hubDIPID = hubDIPID
        self.routes = routes
        self.referenceWindowSeconds = referenceWindowSeconds
        self.allowedFutureSkewSeconds = allowedFutureSkewSeconds
        self.maximumMessagesPerRequest = maximumMessagesPerRequest
    }
}
