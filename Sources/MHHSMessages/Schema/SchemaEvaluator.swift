/// Checks one JSON value against one compiled node, keyword by keyword, as OAS30Validator
/// would, and stops at the first violation.
///
/// `steps` counts the nodes visited. When every branch of a `oneOf` / `anyOf` fails, the branch
/// that got furthest before failing is the one reported: for a payload schema that is the
/// branch whose `S0.eventCode` matched, failing somewhere in its custom block.
struct SchemaEvaluator {
    let nodes: [SchemaNode]
    let patterns: [SchemaPattern]
    private(set) var steps = 0

    init(_ schema: CompiledDIPSchema) {
        nodes = schema.nodes
        patterns = schema.patterns
    }

    mutating func check(_ value: JSONValue, _ index: Int) -> SchemaFailure? {
        let node = nodes[index]
        steps += 1
        if let type = node.type {
            if case .null = value {
                if !node.nullable { return SchemaFailure("is null, and the field is not nullable") }
            } else if !type.admits(value) {
                return SchemaFailure("expected \(type.rawValue), found \(Self.describe(value))")
            }
        }
        if let allowed = node.enumeration, !allowed.contains(value) {
            return SchemaFailure("\(Self.describe(value)) is not one of \(Self.list(allowed))")
        }
        switch value {
        case .string(let text):
            if let failure = checkString(text, node) { return failure }
        case .number(let text):
            if let failure = Self.checkNumber(text, node) { return failure }
        case .object(let members):
            if node.constrainsObjects, let failure = checkObject(members, node) { return failure }
        case .array(let elements):
            if let failure = checkArray(elements, node) { return failure }
        case .null, .bool:
            break
        }
        if let target = node.reference, let failure = check(value, target) { return failure }
        for branch in node.allOf {
            if let failure = check(value, branch) { return failure }
        }
        if !node.anyOf.isEmpty, let failure = checkBranches(value, node.anyOf, exactlyOne: false) { return failure }
        if !node.oneOf.isEmpty, let failure = checkBranches(value, node.oneOf, exactlyOne: true) { return failure }
        if let forbidden = node.not, check(value, forbidden) == nil {
            return SchemaFailure("matches a schema it must not match (not)")
        }
        return nil
    }

    private func checkString(_ text: String, _ node: SchemaNode) -> SchemaFailure? {
        if node.minLength != nil || node.maxLength != nil {
            // Python counts code points; UTF-8 bytes bound them (1 to 4 bytes each).
            let bytes = text.utf8.count
            let exact =
                (node.maxLength.map { bytes > $0 } ?? false) || (node.minLength.map { (bytes + 3) / 4 < $0 } ?? false)
            let length = exact ? text.unicodeScalars.count : bytes
            if let minimum = node.minLength, length < minimum {
                return SchemaFailure("\(Self.describe(.string(text))) is shorter than \(minimum) characters")
            }
            if let maximum = node.maxLength, length > maximum {
                return SchemaFailure("\(Self.describe(.string(text))) is longer than \(maximum) characters")
            }
        }
        if let index = node.pattern, !patterns[index].matches(text) {
            return SchemaFailure("\(Self.describe(.string(text))) does not match \(patterns[index].source)")
        }
        return nil
    }

    private static func checkNumber(_ text: String, _ node: SchemaNode) -> SchemaFailure? {
        guard node.minimum != nil || node.maximum != nil || node.multipleOf != nil else { return nil }
        let value = JSONNumber.double(text)
        if let bound = node.minimum, bound.exclusive ? value <= bound.value : value < bound.value {
            return SchemaFailure("\(text) is less than \(bound.exclusive ? "or equal to " : "")the minimum \(bound.value)")
        }
        if let bound = node.maximum, bound.exclusive ? value >= bound.value : value > bound.value {
            return SchemaFailure("\(text) is greater than \(bound.exclusive ? "or equal to " : "")the maximum \(bound.value)")
        }
        if let divisor = node.multipleOf, !JSONNumber.isMultiple(text, of: divisor) {
            return SchemaFailure("\(text) is not a multiple of \(divisor.value)")
        }
        return nil
    }

    private mutating func checkObject(_ members: [String: JSONValue], _ node: SchemaNode) -> SchemaFailure? {
        var described = 0
        for property in node.properties {
            if let member = members[property.name] {
                described += 1
                if var failure = check(member, property.node) {
                    failure.reversedPath.append(.key(property.name))
                    return failure
                }
            } else if property.required {
                return SchemaFailure("is required but missing", at: .key(property.name))
            }
        }
        for name in node.otherRequired where members[name] == nil {
            return SchemaFailure("is required but missing", at: .key(name))
        }
        switch node.additionalProperties {
        case .allowed:
            break
        case .forbidden:
            // Keys are unique, so every member was described exactly when the counts agree.
            if described < members.count {
                let extra = members.keys.filter { !Self.describes(node, $0) }.sorted()[0]
                return SchemaFailure("is not allowed here (additionalProperties is false)", at: .key(extra))
            }
        case .schema(let extraNode):
            for (name, member) in members.sorted(by: { $0.key < $1.key }) where !Self.describes(node, name) {
                if var failure = check(member, extraNode) {
                    failure.reversedPath.append(.key(name))
                    return failure
                }
            }
        }
        if let minimum = node.minProperties, members.count < minimum {
            return SchemaFailure("has fewer than \(minimum) properties")
        }
        if let maximum = node.maxProperties, members.count > maximum {
            return SchemaFailure("has more than \(maximum) properties")
        }
        return nil
    }

    private mutating func checkArray(_ elements: [JSONValue], _ node: SchemaNode) -> SchemaFailure? {
        if let minimum = node.minItems, elements.count < minimum {
            return SchemaFailure("has \(elements.count) items, fewer than the minimum \(minimum)")
        }
        if let maximum = node.maxItems, elements.count > maximum {
            return SchemaFailure("has \(elements.count) items, more than the maximum \(maximum)")
        }
        if let itemNode = node.items {
            for (position, element) in elements.enumerated() {
                if var failure = check(element, itemNode) {
                    failure.reversedPath.append(.index(position))
                    return failure
                }
            }
        }
        if node.uniqueItems {
            for (position, element) in elements.enumerated()
            where elements[..<position].contains(where: { JSONNumber.schemaEqual($0, element) }) {
                return SchemaFailure("repeats an earlier item (uniqueItems)", at: .index(position))
            }
        }
        return nil
    }

    /// `anyOf` (at least one branch) or `oneOf` (exactly one branch).
    private mutating func checkBranches(_ value: JSONValue, _ branches: [Int], exactlyOne: Bool) -> SchemaFailure? {
        var matched = 0
        var best: (failure: SchemaFailure, progress: Int)?
        for branch in branches {
            let before = steps
            if let failure = check(value, branch) {
                let progress = steps - before
                if best == nil || progress > best!.progress { best = (failure, progress) }
            } else {
                matched += 1
                if !exactlyOne || matched > 1 { break }
            }
        }
        if matched == 0 { return best?.failure ?? SchemaFailure("matches none of the alternatives") }
        if exactlyOne && matched > 1 { return SchemaFailure("matches more than one alternative (oneOf)") }
        return nil
    }

    private static func describes(_ node: SchemaNode, _ name: String) -> Bool {
        var low = 0
        var high = node.properties.count
        while low < high {
            let middle = (low + high) / 2
            if node.properties[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < node.properties.count && node.properties[low].name == name
    }
}
