/// One schema object of the compiled DIP specification, with its children as indices into
/// `CompiledDIPSchema.nodes`.
///
/// Indices rather than nested values so that a definition shared by hundreds of fields (an MPAN,
/// a date) exists once, and so that recursive definitions would need no special case. A class so
/// that the validator's hot loop takes one reference, not a copy of two dozen fields. Only the
/// keywords that change validity under OAS 3.0 (as openapi-schema-validator's OAS30Validator
/// applies them) are modelled; `format` is kept but not enforced, as dip-validate enforces none.
final class SchemaNode: Sendable {
    /// `type`: OAS 3.0 allows one type per schema object.
    let type: JSONType?
    /// `nullable: true` lets `null` through the `type` keyword of this same object only.
    let nullable: Bool
    /// `properties`, sorted by name so the first violation reported is always the same.
    let properties: [Property]
    /// `required` names that `properties` does not describe (present but unconstrained).
    let otherRequired: [String]
    let additionalProperties: Additional
    let items: Int?
    let enumeration: EnumSet?
    /// Index into `CompiledDIPSchema.patterns`.
    let pattern: Int?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Bound?
    let maximum: Bound?
    let multipleOf: Divisor?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool
    let minProperties: Int?
    let maxProperties: Int?
    let allOf: [Int]
    let anyOf: [Int]
    let oneOf: [Int]
    let not: Int?
    /// `$ref` beside other keywords (OAS30Validator applies both); a bare `$ref` is resolved away.
    let reference: Int?
    let format: String?
    /// Whether the object keywords (properties, required, additionalProperties...) have work to do.
    let constrainsObjects: Bool

    init(_ draft: Draft) {
        type = draft.type
        nullable = draft.nullable
        properties = draft.properties.sorted { $0.name < $1.name }
        otherRequired = draft.otherRequired
        additionalProperties = draft.additionalProperties
        items = draft.items
        enumeration = draft.enumeration
        pattern = draft.pattern
        minLength = draft.minLength
        maxLength = draft.maxLength
        minimum = draft.minimum
        maximum = draft.maximum
        multipleOf = draft.multipleOf
        minItems = draft.minItems
        maxItems = draft.maxItems
        uniqueItems = draft.uniqueItems
        minProperties = draft.minProperties
        maxProperties = draft.maxProperties
        allOf = draft.allOf
        anyOf = draft.anyOf
        oneOf = draft.oneOf
        not = draft.not
        reference = draft.reference
        format = draft.format
        constrainsObjects =
            !properties.isEmpty || !otherRequired.isEmpty || additionalProperties != .allowed || minProperties != nil
            || maxProperties != nil
    }

    /// The node while the compiler fills it in, keyword by keyword.
    struct Draft {
        var type: JSONType?
        var nullable = false
        var properties: [Property] = []
        var otherRequired: [String] = []
        var additionalProperties: Additional = .allowed
        var items: Int?
        var enumeration: EnumSet?
        var pattern: Int?
        var minLength: Int?
        var maxLength: Int?
        var minimum: Bound?
        var maximum: Bound?
        var multipleOf: Divisor?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var minProperties: Int?
        var maxProperties: Int?
        var allOf: [Int] = []
        var anyOf: [Int] = []
        var oneOf: [Int] = []
        var not: Int?
        var reference: Int?
        var format: String?
    }

    struct Property: Sendable {
        let name: String
        let node: Int
        let required: Bool
    }

    enum Additional: Sendable, Equatable {
        case allowed
        case forbidden
        case schema(Int)
    }

    /// `minimum` / `maximum` with draft 4's boolean `exclusiveMinimum` / `exclusiveMaximum`.
    struct Bound: Sendable {
        let value: Double
        let exclusive: Bool
    }

    /// `multipleOf`: jsonschema divides by a float divisor but takes the remainder of an integer one.
    struct Divisor: Sendable {
        let value: Double
        let isInteger: Bool
    }
}

/// The six OAS 3.0 types. `integer` is a number written without a fraction or exponent (how
/// Python's json module tells `int` from `float`), so `1.0` is a number but not an integer.
enum JSONType: String, Sendable, Decodable {
    case string, integer, number, boolean, array, object

    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.array, .array), (.object, .object): true
        case (.integer, .number(let text)): JSONNumber.isIntegerText(text)
        default: false
        }
    }
}

/// `enum` values, split by kind so that the common case (strings) is one set lookup.
///
/// Equality follows jsonschema: `1 == 1.0`, but `true` is not `1`.
struct EnumSet: Sendable {
    var strings: Set<String> = []
    var allowsNull = false
    var others: [JSONValue] = []

    init(_ values: [JSONValue]) {
        for value in values {
            switch value {
            case .string(let text): strings.insert(text)
            case .null: allowsNull = true
            default: others.append(value)
            }
        }
    }

    func contains(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): strings.contains(text)
        case .null: allowsNull
        default: others.contains { JSONNumber.schemaEqual($0, value) }
        }
    }
}
