import Foundation

/// Malformed JSON, with the byte offset where parsing stopped.
public typealias JSONParseError = JSONParser.Failure

extension JSONValue {
    /// Parses JSON text with `JSONParser`, keeping every number's text exactly as written.
    ///
    /// `JSONDecoder` (the `Codable` path) turns `1.0` and `1e2` into the integers `1` and `100`
    /// and huge integers into floating point; the DIP schema's `integer` type depends on exactly
    /// that distinction (Python, and so dip-validate, reads `1.0` as a float), so schema
    /// validation of incoming bytes starts here.
    public init(parsing data: Data) throws(JSONParseError) { self = try JSONParser.parse(data) }

    /// Parses JSON text given as a string; see `init(parsing:)`.
    public init(parsing text: String) throws(JSONParseError) { self = try JSONParser.parse(text) }
}
