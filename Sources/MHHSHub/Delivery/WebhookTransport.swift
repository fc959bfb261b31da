import MHHSCore
import MHHSMessages

/// Posts a batch of published messages to a participant's webhook.
public protocol WebhookTransport: Sendable {
    /// What the recipient took; throws when it took nothing (the batch is retried).
    func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws -> WebhookReceipt
}

/// A webhook's answer: 200/201 take the whole batch; 207 takes the messages its response
/// marks `MSG0000` and the rest are retried.
public enum WebhookReceipt: Hashable, Sendable {
    case all
    case only(transactionIDs: Set<String>)

    /// Reads a 207 body (`StandardResponse`); a body that cannot be read takes nothing.
    public static func partial(_ body: [UInt8]) -> WebhookReceipt {
        guard case .array(let entries)? = (try? JSONParser.parse(body))?["messageArray"] else { return .only(transactionIDs: []) }
        let taken = entries.compactMap { entry -> String? in
            guard entry["message"]?.stringValue?.hasPrefix(DIPResponseCode.success.rawValue) == true else { return nil }
            return entry["transactionID"]?.stringValue
        }
        return .only(transactionIDs: Set(taken))
    }
}

/// A webhook answered something other than 201/207.
public struct WebhookRejected: Error, CustomStringConvertible, Sendable {
    public let status: Int
    public var description: String { "webhook answered HTTP \(status)" }

    public init(status: Int) { self.status = status }
}
