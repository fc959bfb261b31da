/// A closed set of market codes carried as text (connection type, segment, role …).
///
/// Conformers are `String` raw-value enums; ``init(code:)`` gives every one of them the same
/// clear error naming the allowed values.
public protocol CodeValue: RawRepresentable, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    /// The name used in error messages, e.g. `connection type`.
    static var kind: String { get }
}

extension CodeValue {
    /// Parses a code, throwing an error that lists the allowed codes.
    @inlinable
    public init(code: some StringProtocol) throws(IdentifierError) {
        guard let value = Self(rawValue: String(code)) else { throw Self.unknownCode(String(code)) }
        self = value
    }

    /// The error for a text that is none of the codes.
    public static func unknownCode(_ text: String) -> IdentifierError {
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        return IdentifierError(kind: kind, text: text, expected: "one of \(allowed)")
    }

    public var description: String { rawValue }
}
