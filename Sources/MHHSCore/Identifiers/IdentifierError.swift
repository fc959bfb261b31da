/// Why a text is not a valid identifier or code of the kind named.
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of value, e.g. `MPID` or `connection type`.
    public let kind: String
    /// The rejected text.
    public let text: String
    /// What a valid value looks like.
    public let expected: String

    public init(kind: String, text: String, expected: String) {
        self.kind = kind
        self.text = text
        self.expected = expected
    }

    public var description: String { "invalid \(kind) '\(text)': expected \(expected)" }
}
