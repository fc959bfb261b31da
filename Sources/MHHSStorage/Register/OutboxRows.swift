import Foundation
import MHHSCore
import MHHSMessages

/// Maps outbox messages to and from `outbox` rows (the same columns in every backend).
enum OutboxRows {
    static let columns = "seq, recipient, recipient_role, interface_id, event_code, mpan, created_at, body"

    /// The values to insert after `seq` (which the database assigns), in ``columns`` order.
    static func values(_ message: OutboundMessage, mpan: MPAN, createdAt: UTCInstant) throws -> [RegisterRows.Value] {
        [
            .text(message.recipient.value), .text(message.recipientRole.rawValue), .text(message.interfaceID),
            .text(message.eventCode), .int(mpan.value), .int(createdAt.secondsSinceEpoch),
            .text(String(decoding: message.message.jsonBytes(), as: UTF8.self)),
        ]
    }

    static func message(_ row: some RegisterColumnSource) throws -> StoredOutboundMessage {
        guard let sequence = try row.int(0), let recipient = try row.text(1), let role = try row.text(2),
            let created = try row.int(6), let body = try row.text(7)
        else { throw StorageError.corrupt("an outbox row has a NULL column") }
        let message = try DIPMessage(jsonBytes: body.utf8)
        return StoredOutboundMessage(
            sequence: sequence, mpan: try row.int(5).map { try MPAN(String($0)) }, createdAt: UTCInstant(secondsSinceEpoch: created),
            message: OutboundMessage(recipient: try DIPID(recipient), recipientRole: try DIPRole(code: role), message: message))
    }
}
