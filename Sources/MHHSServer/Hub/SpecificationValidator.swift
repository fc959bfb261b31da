import MHHSHub
import MHHSMessages

extension HubServer {
    /// Schema validation against the DIP specification (the generated bundle in MHHSMessages).
    public static let specificationValidator: DIPMessageValidator = { message in
        DIPSchemaValidator.validate(message).map { (path: $0.path, reason: $0.reason) }
    }
}
