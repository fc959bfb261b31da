import Foundation

/// One DIP message: `{"payload": {"CommonBlock": {…}, "CustomBlock": {…}}}`.
///
/// The custom block is carried as JSON keyed by block id (`B044`, `B900` …); typed builders in
/// this module produce it for each interface.
public struct DIPMessage: Hashable, Sendable, Codable {
    public struct Payload: Hashable, Sendable, Codable {
        public var CommonBlock: CommonBlock
        public var CustomBlock: [String: JSONValue]

        public init(CommonBlock: CommonBlock, CustomBlock: [String: JSONValue]) {
            self.CommonBlock = CommonBlock
            self.CustomBlock = CustomBlock
        }
    }

    public var payload: Payload

    public init(common: CommonBlock, custom: [String: JSONValue]) {
        payload = Payload(CommonBlock: common, CustomBlock: custom)
    }

    /// The message as JSON with sorted keys: the same message always gives the same bytes.
    public func jsonData() throws -> Data { Data(jsonBytes()) }

    /// A JSON array of messages, as `POST /dip-channel/{IF-id}` takes them and golden files hold them.
    public static func jsonArray(_ messages: [DIPMessage], pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(messages)
    }
}
