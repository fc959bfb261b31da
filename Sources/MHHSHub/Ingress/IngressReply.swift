/// The hub's answer to one `POST /dip-channel/{id}`.
public struct IngressReply: Sendable {
    /// 201 all accepted, 207 some, 400 none; 403 when a message claims another sender; 413 too many.
    public let status: Int
    /// The specification's response body; nil for 403 and 413, which carry `problem` instead.
    public let response: StandardResponse?
    public let problem: String?

    public init(status: Int, response: StandardResponse?, problem: String? = nil) {
        self.status = status
        self.response = response
        self.problem = problem
    }

    /// The response codes, in message order (tests and logs).
    public var codes: [DIPResponseCode] { response?.messageArray.compactMap(\.code) ?? [] }
}
