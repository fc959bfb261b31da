/// The DIP's per-message outcome codes (ResponseCodes-unresolved.yaml, `MSG…`), written in
/// responses as `"MSG0000 - Success"`.
public enum DIPResponseCode: String, Sendable, CaseIterable, Codable {
    case success = "MSG0000"
    case processingFailed = "MSG1000"
    case schemaFailure = "MSG1001"
    case interfaceIDInvalid = "MSG1002"
    case senderReferenceDuplicated = "MSG1006"
    case senderTimestampInvalid = "MSG1007"
    case senderDIPIDInvalid = "MSG1009"
    case senderRoleInvalid = "MSG1010"
    case connectionProviderInvalid = "MSG1011"
    case correlationIDInvalid = "MSG1012"
    case routingError = "MSG1030"
    case primaryRecipientInvalid = "MSG1031"
    case primaryRecipientRoleInvalid = "MSG1032"
    case secondaryRecipientMissingMPAN = "MSG1037"
    case secondaryRecipientUnresolved = "MSG1038"

    /// The specification's wording for the code.
    public var title: String {
        switch self {
        case .success: "Success"
        case .processingFailed: "Message Processing Failed"
        case .schemaFailure: "Schema Failure"
        case .interfaceIDInvalid: "Interface ID Invalid"
        case .senderReferenceDuplicated: "Sender Unique Reference Duplicated"
        case .senderTimestampInvalid: "Sender Timestamp Invalid"
        case .senderDIPIDInvalid: "Sender DIP ID Invalid"
        case .senderRoleInvalid: "Sender Role Invalid"
        case .connectionProviderInvalid: "Connection Provider ID Invalid"
        case .correlationIDInvalid: "Sender Correlation ID Invalid"
        case .routingError: "Msg Addressing / Routing Error"
        case .primaryRecipientInvalid: "Primary Recipient(s) DIP Participant ID Invalid"
        case .primaryRecipientRoleInvalid: "Primary Recipient(s) DIP Role ID Invalid"
        case .secondaryRecipientMissingMPAN: "Cannot Resolve Secondary Recipient(s) for Missing MPAN"
        case .secondaryRecipientUnresolved: "Cannot Resolve Secondary Recipient(s) for MPAN/Party/Event Combination"
        }
    }

    /// `"MSG1001 - Schema Failure"`, the form of the response body's `message` field.
    public var message: String { "\(rawValue) - \(title)" }
}
