import Foundation
import MHHSTestSupport
import Testing

@testable import MHHSMessages

/// The Swift validator against the reference: Elexon's specification as
/// `../shared/tools/dip-validate` (Python jsonschema) applies it, on hundreds of seeded random
/// mutations of the golden messages. Every verdict (conforms or not) must agree.
@Suite("DIP schema validation agrees with dip-validate")
struct DIPSchemaConformanceTests {
    /// `dip-validate` in the repository root's sibling `shared/tools`.
    static let tool: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }  // …/Tests/MHHSMessagesTests/<file>
        return root.deletingLastPathComponent().appendingPathComponent("shared/tools/dip-validate")
    }()

    /// The tool and the Python modules it imports are both there.
    static let toolRuns: Bool = {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { return false }
        let probe = try? CLIRunner.runTool(
            "/usr/bin/env", ["python3", "-c", "import yaml, jsonschema, referencing, openapi_schema_validator"])
        return probe?.status == 0
    }()

    static let skipMessage = Comment(
        rawValue: "../shared/tools/dip-validate (or its Python modules: pyyaml jsonschema referencing "
            + "openapi-schema-validator) is absent: skipping the conformance test against it")

    static let mutationCount = 600

    @Test("Swift and dip-validate agree on every mutated message", .enabled(if: toolRuns, skipMessage))
    func agreesWithDipValidate() throws {
        let seeds = try DIPSchemaFixtures.allMessages()
        var mutations = DIPSchemaMutations(seed: 0x4D48_4853_2026)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dip-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var cases: [(file: String, seed: String, summary: String, swiftValid: Bool)] = []
        for index in 0..<Self.mutationCount {
            let seed = seeds[index % seeds.count]
            let mutation = mutations.mutate(seed.message)
            let text = mutation.message.jsonText
            let file = folder.appendingPathComponent(String(format: "m%04d.json", index)).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            // Judge the bytes dip-validate reads, not the in-memory value.
            let parsed = try JSONValue(parsing: text)
            cases.append((file, seed.name, mutation.summary, DIPSchemaValidator.validate(parsed) == nil))
        }

        let result = try CLIRunner.runTool(Self.tool.path, cases.map(\.file))
        let summary = try #require(
            result.lines.last.flatMap { $0.hasSuffix(" invalid") ? $0 : nil },
            "dip-validate stopped before its summary: \(result.stderr.suffix(2000))")
        // An invalid message's lines start "<file>[0]: "; a valid one has none.
        let invalid = Set(result.lines.compactMap { line in line.range(of: "[0]: ").map { String(line[..<$0.lowerBound]) } })
        let pythonInvalid = cases.filter { invalid.contains($0.file) }.count
        #expect(summary == "\(cases.count - pythonInvalid) valid, \(pythonInvalid) invalid", "\(summary)")

        var disagreements: [String] = []
        for entry in cases where entry.swiftValid == invalid.contains(entry.file) {
            let python = result.lines.filter { $0.hasPrefix(entry.file) }.prefix(3).joined(separator: " | ")
            disagreements.append(
                "\(URL(fileURLWithPath: entry.file).lastPathComponent) (\(entry.seed); \(entry.summary)): "
                    + "Swift says \(entry.swiftValid ? "valid" : "invalid"), dip-validate: \(python.isEmpty ? "valid" : python)")
        }
        print(
            "DIP schema conformance: \(cases.count) mutations of \(seeds.count) messages, dip-validate \(cases.count - pythonInvalid) valid / "
                + "\(pythonInvalid) invalid, agreement \(cases.count - disagreements.count)/\(cases.count)")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.joined(separator: "\n"))")
        // The sample must exercise both verdicts to mean anything.
        #expect(pythonInvalid > cases.count / 5 && pythonInvalid < cases.count * 19 / 20)
    }
}
