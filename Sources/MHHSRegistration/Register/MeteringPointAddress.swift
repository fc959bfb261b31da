/// A metering point's postal address as the DIP carries it (B022): a postcode and nine lines.
public struct MeteringPointAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let lineCount = 9

    public let postcode: String?
    /// Exactly nine lines, nil where blank.
    public let lines: [String?]

    /// Validates the specification's limits: postcode 1–10 characters, lines up to 40.
    public init(postcode: String?, lines: [String?]) throws(RegistrationError) {
        guard lines.count <= Self.lineCount else { throw .malformed("an address has at most \(Self.lineCount) lines") }
        if let postcode, !(1...10).contains(postcode.count) { throw .malformed("postcode '\(postcode)' is not 1–10 characters") }
        for line in lines.compactMap({ $0 }) where line.count > 40 {
            throw .malformed("address line '\(line)' is longer than 40 characters")
        }
        self.postcode = postcode
        self.lines = lines + Array(repeating: nil, count: Self.lineCount - lines.count)
    }

    public var description: String { (lines.compactMap { $0 } + [postcode].compactMap { $0 }).joined(separator: ", ") }
}
