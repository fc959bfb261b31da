import MHHSMessages

/// A participant as the hub serves it: who it is, how it proves it, where it takes delivery.
public struct HubParticipant: Hashable, Sendable {
    public var participant: Participant
    /// SHA-256 of the participant's API key (hex); the key itself is shown once and never stored.
    public var apiKeyHash: String?
    /// Where the hub pushes the participant's messages; nil means the participant pulls.
    public var webhookURL: String?
    /// The participant's RSA public key (PEM). When set, every call must carry a valid DIP
    /// signature.
    public var signingKeyPEM: String?

    public init(participant: Participant, apiKeyHash: String? = nil, webhookURL: String? = nil, signingKeyPEM: String? = nil) {
        self.participant = participant
        self.apiKeyHash = apiKeyHash
        self.webhookURL = webhookURL
        self.signingKeyPEM = signingKeyPEM
    }
}
