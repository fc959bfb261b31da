import MHHSCore
import MHHSMessages

/// Seeded random damage to DIP messages, for comparing the Swift validator with dip-validate.
///
/// Each mutation picks one place in a message (any member or array item, at any depth) and
/// does one thing to it: delete it, null it, change a string (a character added, removed or
/// replaced, a case flip, a Unicode digit, a trailing newline), change its type (including the
/// numbers `1`, `1.0`, `1e2` and `-3.5`, which tell integers from numbers), add a member, or
/// empty or repeat an array.
struct DIPSchemaMutations {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    struct Mutation {
        let message: JSONValue
        let summary: String
    }

    mutating func mutate(_ message: JSONValue) -> Mutation {
        var places: [[String]] = []
        Self.collect(message, [], into: &places)
        let place = places.randomElement(using: &random)!
        let current = message.at(place)!
        let name = place.joined(separator: ".")
        // A container as interfaceID makes dip-validate itself crash (an unhashable dict key).
        let identifies = place.suffix(1) == ["interfaceID"]
        // So does a CustomBlock that is truthy but not an object (it looks for P03 in it).
        if place == ["payload", "CustomBlock"] {
            let changed: JSONValue? = [nil, .null, [:], .array([]), ""].randomElement(using: &random)!
            return .init(
                message: message.replacing(place, with: changed) ?? message, summary: "custom block \(changed?.jsonText ?? "deleted")")
        }
        switch random.next() % 8 {
        case 0:
            return .init(message: message.replacing(place, with: nil) ?? message, summary: "delete \(name)")
        case 1:
            return .init(message: message.replacing(place, with: .null) ?? message, summary: "null \(name)")
        case 2, 3:
            let changed = changedString(current)
            return .init(message: message.replacing(place, with: changed) ?? message, summary: "string \(name) = \(changed.jsonText)")
        case 4, 5:
            var choices: [JSONValue] = [.number("1"), .number("1.0"), .number("1e2"), .number("-3.5"), true, "7", "", .string("x")]
            if !identifies { choices += [[:], [], ["x"]] }
            let changed = choices.randomElement(using: &random)!
            return .init(message: message.replacing(place, with: changed) ?? message, summary: "type \(name) = \(changed.jsonText)")
        case 6:
            guard case .object = current else { fallthrough }
            let key = ["extra", "B013", "S2", "MPANCore", "R1"].randomElement(using: &random)!
            return .init(message: message.replacing(place + [key], with: "1") ?? message, summary: "add \(name).\(key)")
        default:
            guard case .array(let elements) = current else {
                if identifies { return .init(message: message.replacing(place, with: "IF") ?? message, summary: "string \(name)") }
                return .init(message: message.replacing(place, with: .array([current])) ?? message, summary: "wrap \(name)")
            }
            let changed: JSONValue = elements.isEmpty || random.next() % 2 == 0 ? .array([]) : .array(elements + [elements[0]])
            return .init(message: message.replacing(place, with: changed) ?? message, summary: "array \(name)")
        }
    }

    private mutating func changedString(_ value: JSONValue) -> JSONValue {
        guard case .string(let text) = value, !text.isEmpty else {
            return ["A", "0", "X1", "2026-01-01T00:00:00Z", "1200000000011"].randomElement(using: &random).map(JSONValue.string)!
        }
        var scalars = Array(text.unicodeScalars)
        let position = Int(random.next() % UInt64(scalars.count))
        switch random.next() % 7 {
        case 0: scalars.insert("7", at: position)
        case 1: scalars.remove(at: position)
        case 2: scalars[position] = "x"
        case 3: scalars[position] = "\u{0663}"  // ARABIC-INDIC DIGIT THREE: a digit to Python's \d
        case 4: scalars.append("\n")
        case 5: return .string(text.uppercased() == text ? text.lowercased() : text.uppercased())
        default: return .string(String(text.prefix(1)))
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return .string(result)
    }

    /// Every path to a member or array item in `value`.
    private static func collect(_ value: JSONValue, _ path: [String], into places: inout [[String]]) {
        if !path.isEmpty { places.append(path) }
        switch value {
        case .object(let members):
            for key in members.keys.sorted() { collect(members[key]!, path + [key], into: &places) }
        case .array(let elements):
            for index in elements.indices { collect(elements[index], path + [String(index)], into: &places) }
        default: break
        }
    }
}
