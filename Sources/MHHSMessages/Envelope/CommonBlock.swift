/// The DIP common block: S0 (schema), S1 (sender), A0 (addressing), D0 (set by the hub),
/// M0 (the MPAN), as RealCommonBlocks-unresolved.yaml defines them.
///
/// Fields the specification lists as required but nullable are always written, as `null` when
/// absent: the synthesised `Codable` would drop them, so the blocks encode themselves.
public struct CommonBlock: Hashable, Sendable, Codable {
    public var S0: SchemaBlock
    public var S1: SenderBlock
    public var A0: AddressingBlock?
    public var D0: DIPBlock?
    public var M0: MPANBlock?
    /// R0: the outcome of a request, on the interfaces that answer one (IF-006, IF-008, IF-026, IF-032).
    public var R0: ResponseBlock?

    public init(
        S0: SchemaBlock, S1: SenderBlock, A0: AddressingBlock? = nil, D0: DIPBlock? = nil, M0: MPANBlock? = nil,
        R0: ResponseBlock? = nil
    ) {
        self.S0 = S0
        self.S1 = S1
        self.A0 = A0
        self.D0 = D0
        self.M0 = M0
        self.R0 = R0
    }
}

/// R0: a response code (e.g. `A` accepted, `R` rejected) and its messages.
public struct ResponseBlock: Hashable, Sendable, Codable {
    public var responseCode: String
    public var responseMessages: [String?]

    public init(responseCode: String, responseMessages: [String?] = []) {
        self.responseCode = responseCode
        self.responseMessages = responseMessages
    }
}

/// S0: which interface, schema version and event the message is.
public struct SchemaBlock: Hashable, Sendable, Codable {
    public var interfaceID: String
    public var schemaVersion: String
    /// The event code in brackets, e.g. `[ActivePower]`.
    public var eventCode: String

    public init(interfaceID: String, schemaVersion: String, eventCode: String) {
        self.interfaceID = interfaceID
        self.schemaVersion = schemaVersion
        self.eventCode = eventCode
    }
}

/// S1: who sent the message and their unique reference for it.
public struct SenderBlock: Hashable, Sendable, Codable {
    public var environmentTag: String
    public var subText: String?
    public var senderUniqueReference: String
    public var senderTimestamp: String
    public var senderDIPID: String
    public var senderRoleID: String
    public var senderCorrelationID: String?
    public var DIPConnectionProviderID: String?

    public init(
        environmentTag: String, subText: String? = nil, senderUniqueReference: String, senderTimestamp: String,
        senderDIPID: String, senderRoleID: String, senderCorrelationID: String? = nil, DIPConnectionProviderID: String? = nil
    ) {
        self.environmentTag = environmentTag
        self.subText = subText
        self.senderUniqueReference = senderUniqueReference
        self.senderTimestamp = senderTimestamp
        self.senderDIPID = senderDIPID
        self.senderRoleID = senderRoleID
        self.senderCorrelationID = senderCorrelationID
        self.DIPConnectionProviderID = DIPConnectionProviderID
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(environmentTag, forKey: .environmentTag)
        try container.encode(subText, forKey: .subText)
        try container.encode(senderUniqueReference, forKey: .senderUniqueReference)
        try container.encode(senderTimestamp, forKey: .senderTimestamp)
        try container.encode(senderDIPID, forKey: .senderDIPID)
        try container.encode(senderRoleID, forKey: .senderRoleID)
        try container.encode(senderCorrelationID, forKey: .senderCorrelationID)
        try container.encode(DIPConnectionProviderID, forKey: .DIPConnectionProviderID)
    }
}

/// A0: recipients by DIP id. The sender sets the primary ones; the hub adds the others.
public struct AddressingBlock: Hashable, Sendable, Codable {
    public var primaryRecipients: [String?]
    public var secondaryRecipients: [String?]
    public var always: [String?]

    public init(primaryRecipients: [String?] = [], secondaryRecipients: [String?] = [], always: [String?] = []) {
        self.primaryRecipients = primaryRecipients
        self.secondaryRecipients = secondaryRecipients
        self.always = always
    }
}

/// D0: stamped by the hub when it publishes a message.
public struct DIPBlock: Hashable, Sendable, Codable {
    public var transactionID: String
    public var transactionTimestamp: String
    public var publicationID: String
    public var initialCorrelationID: String?
    public var replayIndicator: Bool
    public var serviceTicketURL: String?

    public init(
        transactionID: String, transactionTimestamp: String, publicationID: String, initialCorrelationID: String? = nil,
        replayIndicator: Bool = false, serviceTicketURL: String? = nil
    ) {
        self.transactionID = transactionID
        self.transactionTimestamp = transactionTimestamp
        self.publicationID = publicationID
        self.initialCorrelationID = initialCorrelationID
        self.replayIndicator = replayIndicator
        self.serviceTicketURL = serviceTicketURL
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transactionID, forKey: .transactionID)
        try container.encode(transactionTimestamp, forKey: .transactionTimestamp)
        try container.encode(publicationID, forKey: .publicationID)
        try container.encode(initialCorrelationID, forKey: .initialCorrelationID)
        try container.encode(replayIndicator, forKey: .replayIndicator)
        try container.encode(serviceTicketURL, forKey: .serviceTicketURL)
    }
}

/// M0: the metering point the message is about.
public struct MPANBlock: Hashable, Sendable, Codable {
    public var MPANCore: String
    public var distributorDIPID: String
    public var GSPGroupID: String

    public init(MPANCore: String, distributorDIPID: String, GSPGroupID: String) {
        self.MPANCore = MPANCore
        self.distributorDIPID = distributorDIPID
        self.GSPGroupID = GSPGroupID
    }
}
