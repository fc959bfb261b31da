/// The bundle flattened for validation: every schema object a node in one array, `$ref`s turned
/// into indices, every pattern compiled once.
struct CompiledDIPSchema: Sendable {
    let version: String
    let nodes: [SchemaNode]
    let patterns: [SchemaPattern]
    let interfaces: [String: Interface]
    /// ECS report content formats (REP-002...), by report id.
    let reports: [String: Int]

    /// What dip-validate knows about one interface id.
    struct Interface: Sendable {
        /// Per-event validators (`paths./validate/IF-xxx/{Event}`), root node by event code.
        let events: [String: Int]
        /// The payload schema wrapped as a message, used for any event without its own validator.
        let payload: Int?
        /// Every event code the interface admits, sorted.
        let eventCodes: [String]
    }

    struct BundleError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ raw: RawBundle, version: String) throws {
        var compiler = try Compiler(definitions: raw.definitions)
        var interfaces: [String: Interface] = [:]
        for (id, entry) in raw.interfaces {
            var events: [String: Int] = [:]
            for (event, schema) in entry.events { events[event] = try compiler.node(schema) }
            let codes = Set(events.keys).union(entry.payloadEvents ?? [])
            interfaces[id] = Interface(
                events: events, payload: try entry.payload.map { try compiler.node($0) }, eventCodes: codes.sorted())
        }
        var reports: [String: Int] = [:]
        for (id, schema) in raw.reports { reports[id] = try compiler.node(schema) }
        try compiler.fillDefinitions()
        self.version = version
        self.nodes = compiler.drafts.map { SchemaNode($0) }
        self.patterns = compiler.patterns
        self.interfaces = interfaces
        self.reports = reports
    }
}

/// Turns raw schema objects into node drafts. Each definition gets its index up front, so a
/// `$ref` is an index whether or not its target has been compiled yet.
private struct Compiler {
    let definitions: [String: RawSchema]
    var drafts: [SchemaNode.Draft] = []
    var patterns: [SchemaPattern] = []
    var patternIndex: [String: Int] = [:]
    /// Definition name to node index; aliases (a bare `$ref`) share their target's index.
    var definitionIndex: [String: Int] = [:]

    init(definitions: [String: RawSchema]) throws {
        self.definitions = definitions
        for name in definitions.keys.sorted() where !definitions[name]!.isBareReference {
            definitionIndex[name] = drafts.count
            drafts.append(SchemaNode.Draft())
        }
        for name in definitions.keys.sorted() where definitionIndex[name] == nil {
            var target = name
            var seen: Set<String> = []
            while let schema = definitions[target], schema.isBareReference, let next = schema.ref {
                guard seen.insert(target).inserted else { throw CompiledDIPSchema.BundleError(description: "alias loop at \(name)") }
                target = next
            }
            guard let index = definitionIndex[target] else {
                throw CompiledDIPSchema.BundleError(description: "\(name) refers to missing \(target)")
            }
            definitionIndex[name] = index
        }
    }

    mutating func fillDefinitions() throws {
        for (name, schema) in definitions where !schema.isBareReference {
            drafts[definitionIndex[name]!] = try draft(schema)
        }
    }

    /// The node for a schema object: its definition's when it is a bare `$ref`, else a new one.
    mutating func node(_ schema: RawSchema) throws -> Int {
        if schema.isBareReference, let name = schema.ref { return try reference(name) }
        let built = try draft(schema)
        drafts.append(built)
        return drafts.count - 1
    }

    func reference(_ name: String) throws -> Int {
        guard let index = definitionIndex[name] else {
            throw CompiledDIPSchema.BundleError(description: "$ref to unknown definition \(name)")
        }
        return index
    }

    mutating func draft(_ schema: RawSchema) throws -> SchemaNode.Draft {
        var draft = SchemaNode.Draft()
        draft.type = schema.type
        draft.nullable = schema.nullable ?? false
        let required = schema.required ?? []
        for (name, child) in schema.properties ?? [:] {
            draft.properties.append(.init(name: name, node: try node(child), required: required.contains(name)))
        }
        draft.otherRequired = required.filter { schema.properties?[$0] == nil }
        switch schema.additionalProperties {
        case .allowed(false): draft.additionalProperties = .forbidden
        case .schema(let child): draft.additionalProperties = .schema(try node(child))
        case .allowed(true), nil: break
        }
        draft.items = try schema.items.map { try node($0) }
        draft.enumeration = schema.enumeration.map(EnumSet.init)
        draft.pattern = schema.pattern.map { pattern(for: $0) }
        draft.minLength = schema.minLength
        draft.maxLength = schema.maxLength
        draft.minimum = schema.minimum.map { .init(value: $0, exclusive: schema.exclusiveMinimum ?? false) }
        draft.maximum = schema.maximum.map { .init(value: $0, exclusive: schema.exclusiveMaximum ?? false) }
        if case .number(let text) = schema.multipleOf {
            draft.multipleOf = .init(value: JSONNumber.double(text), isInteger: JSONNumber.isIntegerText(text))
        }
        draft.minItems = schema.minItems
        draft.maxItems = schema.maxItems
        draft.uniqueItems = schema.uniqueItems ?? false
        draft.minProperties = schema.minProperties
        draft.maxProperties = schema.maxProperties
        draft.allOf = try (schema.allOf ?? []).map { try node($0) }
        draft.anyOf = try (schema.anyOf ?? []).map { try node($0) }
        draft.oneOf = try (schema.oneOf ?? []).map { try node($0) }
        draft.not = try schema.not.map { try node($0) }
        draft.reference = try schema.ref.map { try reference($0) }
        draft.format = schema.format
        return draft
    }

    mutating func pattern(for source: String) -> Int {
        if let index = patternIndex[source] { return index }
        patterns.append(SchemaPattern(source))
        patternIndex[source] = patterns.count - 1
        return patterns.count - 1
    }
}
