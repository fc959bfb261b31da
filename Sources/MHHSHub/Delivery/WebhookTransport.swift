import MHHSCore

/// Posts a batch of published messages to a participant's webhook.
public protocol WebhookTransport: Sendable {
    /// Returns normally when the recipient answered 201 or 207 (it has taken the batch);
    /// throws otherwise, and the batch is retried.
    func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws
}

/// A webhook answered something other than 201/207.
public struct WebhookRejected: Error, CustomStringConvertible, Sendable {
    public let status: Int
    public var description: String { "webhook answered HTTP \(status)" }

    public init(status: Int) { self.status = status }
}
