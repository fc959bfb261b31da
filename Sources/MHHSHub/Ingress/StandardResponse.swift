/// The DIP's response body (`StandardResponse` in SubmitEvents-unresolved.yaml): one entry per
/// submitted message, in order, and the time of the answer.
///
/// Every field of an entry is required but nullable, so entries encode their nulls.
public struct StandardResponse: Hashable, Sendable, Codable {
    public var messageArray: [Entry]
    public var timestamp: String

    public init(messageArray: [Entry], timestamp: String) {
        self.messageArray = messageArray
        self.timestamp = timestamp
    }

    public struct Entry: Hashable, Sendable, Codable {
        public var transactionID: String?
        public var senderUniqueReference: String?
        public var correlationID: String?
        public var sentTimestamp: String
        /// The hub's own DIP id: the sender of this response.
        public var senderID: String
        /// The participant who sent the original message.
        public var recipientID: String?
        public var DIPConnectionProviderID: String?
        public var message: String
        /// What exactly failed (the field and rule), or null on success.
        public var help: String?
        public var serviceTicketURL: String?

        public init(
            transactionID: String?, senderUniqueReference: String?, correlationID: String?, sentTimestamp: String,
            senderID: String, recipientID: String?, DIPConnectionProviderID: String? = nil, message: String,
            help: String?, serviceTicketURL: String? = nil
        ) {
            self.transactionID = transactionID
            self.senderUniqueReference = senderUniqueReference
            self.correlationID = correlationID
            self.sentTimestamp = sentTimestamp
            self.senderID = senderID
            self.recipientID = recipientID
            self.DIPConnectionProviderID = DIPConnectionProviderID
            self.message = message
            self.help = help
            self.serviceTicketURL = serviceTicketURL
        }

        /// The response code at the start of `message`.
        public var code: DIPResponseCode? { DIPResponseCode(rawValue: String(message.prefix(7))) }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(transactionID, forKey: .transactionID)
            try container.encode(senderUniqueReference, forKey: .senderUniqueReference)
            try container.encode(correlationID, forKey: .correlationID)
            try container.encode(sentTimestamp, forKey: .sentTimestamp)
            try container.encode(senderID, forKey: .senderID)
            try container.encode(recipientID, forKey: .recipientID)
            try container.encode(DIPConnectionProviderID, forKey: .DIPConnectionProviderID)
            try container.encode(message, forKey: .message)
            try container.encode(help, forKey: .help)
            try container.encode(serviceTicketURL, forKey: .serviceTicketURL)
        }
    }
}
