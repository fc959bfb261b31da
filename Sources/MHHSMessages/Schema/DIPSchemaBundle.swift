import Foundation

/// The DIP API specification, reduced by `scripts/gen-dip-schema.py` to what validation needs
/// and carried in the binary as one JSON string (`DIPSchemaBundle+Generated.swift` and its parts).
///
/// A string rather than Swift literals because the type checker would take minutes over a
/// literal tree of this size; decoding it takes a few milliseconds, once, on first use.
enum DIPSchemaBundle {
    /// The compiled schema, decoded on first use (a `static let` initialiser runs exactly once,
    /// thread-safely). A bundle that does not decode is a build defect, not an input error.
    static let compiled: CompiledDIPSchema = {
        do {
            let raw = try JSONDecoder().decode(RawBundle.self, from: Data(json.utf8))
            return try CompiledDIPSchema(raw, version: specificationVersion)
        } catch {
            fatalError("DIPSchemaBundle+Generated.swift does not decode (regenerate it): \(error)")
        }
    }()
}

/// The bundle's JSON as the generator writes it.
struct RawBundle: Decodable {
    /// One entry per `$ref` target in the specification, by its short name.
    let definitions: [String: RawSchema]
    let interfaces: [String: RawInterface]
    /// The content format of each ECS report (what P03 carries compressed).
    let reports: [String: RawSchema]
}

struct RawInterface: Decodable {
    /// `paths./validate/IF-xxx/{Event}` validators: the request body's item schema.
    let events: [String: RawSchema]
    /// `{type: object, required: [payload], properties: {payload: IF-xxx-Payload}}`.
    let payload: RawSchema?
    /// The event codes the payload schema's `S0.eventCode` enums admit.
    let payloadEvents: [String]?
}

/// A schema object as JSON, keyword for keyword.
final class RawSchema: Decodable, Sendable {
    let ref: String?
    let type: JSONType?
    let nullable: Bool?
    let required: [String]?
    let properties: [String: RawSchema]?
    let additionalProperties: RawAdditional?
    let items: RawSchema?
    let enumeration: [JSONValue]?
    let pattern: String?
    let format: String?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Bool?
    let exclusiveMaximum: Bool?
    /// Kept as text: an integer divisor and a float one behave differently in jsonschema.
    let multipleOf: JSONValue?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool?
    let minProperties: Int?
    let maxProperties: Int?
    let allOf: [RawSchema]?
    let anyOf: [RawSchema]?
    let oneOf: [RawSchema]?
    let not: RawSchema?

    enum CodingKeys: String, CodingKey {
        case ref = "$ref"
        case enumeration = "enum"
        case type, nullable, required, properties, additionalProperties, items, pattern, format, minLength, maxLength
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems, uniqueItems
        case minProperties, maxProperties, allOf, anyOf, oneOf, not
    }

    /// Whether the object is nothing but a `$ref` (so it can stand for its target directly).
    var isBareReference: Bool {
        ref != nil && type == nil && nullable == nil && required == nil && properties == nil
            && additionalProperties == nil && items == nil && enumeration == nil && pattern == nil && format == nil
            && minLength == nil && maxLength == nil && minimum == nil && maximum == nil && multipleOf == nil
            && minItems == nil && maxItems == nil && uniqueItems == nil && minProperties == nil
            && maxProperties == nil && allOf == nil && anyOf == nil && oneOf == nil && not == nil
    }
}

/// `additionalProperties`: `false`, or a schema (the generator drops `true`).
enum RawAdditional: Decodable, Sendable {
    case allowed(Bool)
    case schema(RawSchema)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .allowed(flag)
        } else {
            self = .schema(try container.decode(RawSchema.self))
        }
    }
}
