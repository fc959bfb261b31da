import Foundation
import MHHSMessages
import MHHSTestSupport

/// The DIP messages the schema tests start from: every golden fixture under
/// `Tests/*/Fixtures/dip/` (each file an array of messages), plus the reference IF-021 example
/// when `../shared/reference` is there.
enum DIPSchemaFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Every fixture file, as a path relative to `Tests/`, sorted.
    static var files: [String] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: testsFolder.path)) ?? []
        var found: [String] = []
        for target in targets.sorted() {
            let folder = testsFolder.appendingPathComponent("\(target)/Fixtures/dip")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            found += names.filter { $0.hasSuffix(".json") }.sorted().map { "\(target)/Fixtures/dip/\($0)" }
        }
        return found
    }

    /// The messages in one fixture file (relative to `Tests/`).
    static func messages(in file: String) throws -> [JSONValue] {
        try messages(at: testsFolder.appendingPathComponent(file))
    }

    static func messages(at url: URL) throws -> [JSONValue] {
        let value = try JSONValue(parsing: try Data(contentsOf: url))
        if case .array(let messages) = value { return messages }
        return [value]
    }

    /// Every seed message: the fixtures, then the reference example if present.
    static func allMessages() throws -> [(name: String, message: JSONValue)] {
        var all: [(String, JSONValue)] = []
        for file in files {
            for (index, message) in try messages(in: file).enumerated() { all.append(("\(file)[\(index)]", message)) }
        }
        if let example = ReferenceData.path("examples/IF-021-ActivePower.json") {
            for message in try messages(at: example) { all.append(("reference IF-021-ActivePower", message)) }
        }
        return all
    }

    /// The first message of a fixture in this target's folder, e.g. `IF-031-MSApp`.
    static func message(_ name: String) throws -> JSONValue {
        try messages(in: "MHHSMessagesTests/Fixtures/dip/\(name).json")[0]
    }
}

extension JSONValue {
    /// JSON text with numbers written exactly as their stored text, so that what dip-validate
    /// reads is what the Swift side parsed (JSONEncoder would turn `1.0` into `1`).
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let elements): return "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            let body = members.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + $0.value.jsonText }
            return "{" + body.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value with the member at `path` replaced (`nil` removes it from its object).
    func replacing(_ path: [String], with replacement: JSONValue?) -> JSONValue? {
        guard let first = path.first else { return replacement }
        switch self {
        case .object(var members):
            members[first] = members[first]?.replacing(Array(path.dropFirst()), with: replacement)
            if path.count == 1 { members[first] = replacement }
            return .object(members)
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return self }
            if let changed = elements[index].replacing(Array(path.dropFirst()), with: replacement) {
                elements[index] = changed
            } else {
                elements.remove(at: index)
            }
            return .array(elements)
        default: return self
        }
    }

    /// The value at `path` (object keys, or array positions as decimal text).
    func at(_ path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        switch self {
        case .object(let members): return members[first]?.at(Array(path.dropFirst()))
        case .array(let elements):
            return Int(first).flatMap { elements.indices.contains($0) ? elements[$0] : nil }?.at(Array(path.dropFirst()))
        default: return nil
        }
    }
}
