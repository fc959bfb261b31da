/// A pull reader over JSON bytes for hot paths that know the shape they read (IF-021 ingest):
/// the caller asks for the next key, string or element and nothing is built that it does not
/// keep. Syntax is checked as strictly as ``JSONParser`` checks it; unknown values are skipped
/// with full validation.
///
/// The cursor borrows its buffer: use it inside `withUnsafeBufferPointer` only.
public struct JSONCursor {
    public typealias Failure = JSONParser.Failure

    public let bytes: UnsafeBufferPointer<UInt8>
    public internal(set) var index: Int
    var depth = 0
    /// Whether the container just opened has produced nothing yet (no comma expected).
    private var atContainerStart = false

    public init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    public func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    /// Whether only whitespace remains.
    public mutating func atEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    @inline(__always)
    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next non-space byte without consuming it, or nil at the end.
    @inline(__always)
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8, _ what: StaticString) throws(Failure) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(what)") }
        index += 1
    }

    // MARK: Containers

    /// Consumes `{`.
    public mutating func beginObject() throws(Failure) {
        try consume(UInt8(ascii: "{"), "an object")
        try enter()
    }

    /// Consumes `[`.
    public mutating func beginArray() throws(Failure) {
        try consume(UInt8(ascii: "["), "an array")
        try enter()
    }

    mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw fail("nesting deeper than \(JSONParser.maximumDepth)") }
        atContainerStart = true
    }

    /// The raw bytes of the next member's key (escapes left as written) with its `:` consumed,
    /// or nil after consuming the object's closing `}`.
    public mutating func nextKey() throws(Failure) -> UnsafeBufferPointer<UInt8>? {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
        let key = try rawString()
        try consume(UInt8(ascii: ":"), "':' after a member name")
        return key
    }

    /// Whether another array element follows; consumes the `]` when it does not.
    public mutating func nextElement() throws(Failure) -> Bool {
        try nextItem(closing: UInt8(ascii: "]"))
    }

    private mutating func nextItem(closing: UInt8) throws(Failure) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        if bytes[index] == closing {
            index += 1
            depth -= 1
            atContainerStart = false
            return false
        }
        if atContainerStart {
            atContainerStart = false
        } else {
            guard bytes[index] == UInt8(ascii: ",") else { throw fail("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
            index += 1
        }
        return true
    }

    // MARK: Scalars

    /// Consumes `null` if it is next.
    public mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// The bytes of a string between its quotes; a string with an escape is refused (the
    /// fields read this way have formats that allow none).
    public mutating func rawString() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        try consume(UInt8(ascii: "\""), "a string")
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if byte == UInt8(ascii: "\\") { throw fail("escapes are not allowed in this field") }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
        }
        throw fail("unterminated string")
    }

    /// A string value decoded in full (escapes included), via ``JSONParser``.
    public mutating func string() throws(Failure) -> String {
        skipWhitespace()
        let start = index
        try skipValue()
        guard case .string(let text) = try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
            index = start
            throw fail("expected a string")
        }
        return text
    }

    /// A string, or nil for `null`.
    public mutating func optionalString() throws(Failure) -> String? {
        if consumeNull() { return nil }
        return try string()
    }

    /// A non-negative integer written without sign, fraction or exponent.
    public mutating func unsignedInteger() throws(Failure) -> Int {
        skipWhitespace()
        var value = 0
        let start = index
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int(digit)
            index += 1
            guard index - start <= 18 else { throw fail("integer too long") }
        }
        guard index > start else { throw fail("expected an integer") }
        guard index - start == 1 || bytes[start] != UInt8(ascii: "0") else { throw fail("leading zero in a number") }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw fail("expected an integer")
        }
        return value
    }

}
