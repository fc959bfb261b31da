/// Short renderings of values for violation reasons: enough to recognise the value, never the
/// whole of a long string or block.
extension SchemaEvaluator {
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return "number \(text)"
        case .string(let text):
            let shown = text.unicodeScalars.count > 40 ? String(text.prefix(37)) + "..." : text
            return "\"\(shown)\""
        case .array(let elements): return "an array of \(elements.count)"
        case .object: return "an object"
        }
    }

    /// The allowed values of an `enum`, the first few of them.
    static func list(_ allowed: EnumSet) -> String {
        var values = allowed.strings.sorted().map { "\"\($0)\"" }
        if allowed.allowsNull { values.append("null") }
        values += allowed.others.map(describe)
        let shown = values.prefix(8).joined(separator: ", ")
        return values.count > 8 ? "[\(shown), ... \(values.count - 8) more]" : "[\(shown)]"
    }
}
