import MHHSCore
import MHHSMessages

/// Turns stored messages into what recipients receive: the message with the hub's D0 block.
public enum EgressMessage {
    /// The message with D0 stamped (transaction id, arrival time, publication id, correlation,
    /// replay flag).
    public static func stamp(_ delivery: Delivery, replay: Bool = false) throws -> JSONValue {
        guard case .object(var message) = try JSONParser.parse(delivery.body),
            case .object(var payload)? = message["payload"], case .object(var common)? = payload["CommonBlock"]
        else { throw JSONParser.Failure(offset: 0, reason: "stored message has no payload.CommonBlock") }
        common["D0"] = .object([
            "transactionID": .string(delivery.transactionID),
            "transactionTimestamp": .string(DIPDateTime(delivery.receivedAt).text),
            "publicationID": .string(TransactionID.publicationID(of: delivery.interfaceID)),
            "initialCorrelationID": .string(delivery.correlationID),
            "replayIndicator": .bool(replay),
            "serviceTicketURL": .null,
        ])
        payload["CommonBlock"] = .object(common)
        message["payload"] = .object(payload)
        return .object(message)
    }

    /// A JSON array of stamped messages (`DIPMessageEgressArray`), as webhooks and pulls carry them.
    public static func array(_ deliveries: [Delivery], replay: Bool = false) throws -> [UInt8] {
        try JSONWriter.bytes(.array(deliveries.map { try stamp($0, replay: replay) }))
    }
}
