/// Number semantics as jsonschema applies them to what Python's json module parsed.
///
/// Python reads `1` as `int` and `1.0` or `1e2` as `float`; the schema keywords then follow
/// Python arithmetic. `JSONValue.number` keeps the decimal text, so the same distinctions can be
/// made from the text: no `.`, `e` or `E` means an integer.
enum JSONNumber {
    static func isIntegerText(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value as Python's `float()` would read it (infinite past the Double range).
    static func double(_ text: String) -> Double {
        Double(text) ?? .nan
    }

    /// `multipleOf` as jsonschema computes it: an integer divisor takes the remainder
    /// (`instance % dB`), a float divisor checks that `instance / dB` is integral, in floating
    /// point (so `0.3` is a multiple of `0.001` only if the division happens to round to one).
    static func isMultiple(_ text: String, of divisor: SchemaNode.Divisor) -> Bool {
        if divisor.isInteger {
            if isIntegerText(text), let value = Int64(text), let step = Int64(exactly: divisor.value), step != 0 {
                return value % step == 0
            }
            return double(text).truncatingRemainder(dividingBy: divisor.value) == 0
        }
        let quotient = double(text) / divisor.value
        // jsonschema falls back to exact fractions when the quotient overflows; a float divisor
        // (a binary fraction with an odd numerator) then divides practically nothing.
        guard quotient.isFinite else { return false }
        return quotient.rounded(.towardZero) == quotient
    }

    /// jsonschema's `equal`: numbers by value (`1 == 1.0`), booleans apart from numbers,
    /// arrays and objects member by member.
    static func schemaEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)):
            if a == b { return true }
            if isIntegerText(a), isIntegerText(b), let x = Int64(a), let y = Int64(b) { return x == y }
            return double(a) == double(b)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { schemaEqual($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { key, value in b[key].map { schemaEqual(value, $0) } ?? false }
        default: return false
        }
    }
}
