import MHHSCore

/// A message a service emits for one recipient, waiting in the sender's durable outbox until
/// the hub takes it.
public struct OutboundMessage: Hashable, Sendable {
    public let recipient: DIPID
    public let recipientRole: DIPRole
    public let message: DIPMessage

    public init(recipient: DIPID, recipientRole: DIPRole, message: DIPMessage) {
        self.recipient = recipient
        self.recipientRole = recipientRole
        self.message = message
    }

    public var interfaceID: String { message.payload.CommonBlock.S0.interfaceID }
    public var eventCode: String { message.payload.CommonBlock.S0.eventCode }
}

/// An outbox entry as stored, with its position in the outbox.
public struct StoredOutboundMessage: Hashable, Sendable {
    public let sequence: Int64
    public let mpan: MPAN?
    public let createdAt: UTCInstant
    public let message: OutboundMessage

    public init(sequence: Int64, mpan: MPAN?, createdAt: UTCInstant, message: OutboundMessage) {
        self.sequence = sequence
        self.mpan = mpan
        self.createdAt = createdAt
        self.message = message
    }
}

extension DIPDateTime {
    /// The start of a settlement date as a DIP date-time: local midnight written with the local
    /// offset (`2026-07-01T00:00:00+01:00`), so the text shows the date and is the exact instant.
    public static func startOf(_ date: SettlementDate) -> DIPDateTime {
        let start = date.startInstant
        return DIPDateTime(start, offsetMinutes: Int(LondonClock.utcOffsetSeconds(at: start) / 60))
    }

    /// The last second of a settlement date in local time (`2026-11-01T23:59:59+00:00`), for
    /// "effective to" fields.
    public static func endOf(_ date: SettlementDate) -> DIPDateTime {
        let last = date.endInstant.adding(seconds: -1)
        return DIPDateTime(last, offsetMinutes: Int(LondonClock.utcOffsetSeconds(at: last) / 60))
    }
}
