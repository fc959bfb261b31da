import Foundation
import MHHSTestSupport
import Testing

@testable import MHHSMessages

@Suite("DIP schema validation")
struct DIPSchemaValidatorTests {
    static let files = DIPSchemaFixtures.files

    @Test("every golden DIP message conforms", arguments: files)
    func fixturesConform(file: String) throws {
        let messages = try DIPSchemaFixtures.messages(in: file)
        #expect(!messages.isEmpty)
        for message in messages {
            #expect(DIPSchemaValidator.validate(message) == nil, "\(file)")
        }
    }

    @Test(
        "the reference IF-021 example conforms",
        .enabled(if: ReferenceData.has("examples/IF-021-ActivePower.json"), Comment(rawValue: ReferenceData.missingMessage)))
    func referenceExampleConforms() throws {
        for message in try DIPSchemaFixtures.messages(at: ReferenceData.path("examples/IF-021-ActivePower.json")!) {
            #expect(DIPSchemaValidator.validate(message) == nil)
        }
    }

    /// One change to the IF-031 MSApp golden message, and the field the violation must name.
    struct Breakage: CustomTestStringConvertible, Sendable {
        let label: String
        let path: [String]
        let value: JSONValue?
        let expectedPath: String
        let reasonFragment: String
        var testDescription: String { label }
    }

    static let breakages: [Breakage] = [
        .init(
            label: "missing required field", path: ["payload", "CustomBlock", "B070", "appointmentScenario"], value: nil,
            expectedPath: "payload.CustomBlock.B070.appointmentScenario", reasonFragment: "required"),
        .init(
            label: "required-but-nullable field missing", path: ["payload", "CommonBlock", "S1", "subText"], value: nil,
            expectedPath: "payload.CommonBlock.S1.subText", reasonFragment: "required"),
        .init(
            label: "wrong pattern", path: ["payload", "CommonBlock", "M0", "MPANCore"], value: "12000000000X1",
            expectedPath: "payload.CommonBlock.M0.MPANCore", reasonFragment: "does not match"),
        .init(
            label: "wrong enum value", path: ["payload", "CustomBlock", "B070", "appointmentScenario"], value: "XYZ",
            expectedPath: "payload.CustomBlock.B070.appointmentScenario", reasonFragment: "is not one of"),
        .init(
            label: "extra property where additionalProperties is false", path: ["payload", "CustomBlock", "B070", "extra"],
            value: "x", expectedPath: "payload.CustomBlock.B070.extra", reasonFragment: "not allowed"),
        .init(
            label: "extra block", path: ["payload", "CustomBlock", "B999"], value: [:],
            expectedPath: "payload.CustomBlock.B999", reasonFragment: "not allowed"),
        .init(
            label: "null where not nullable", path: ["payload", "CommonBlock", "S1", "senderDIPID"], value: nil as JSONValue,
            expectedPath: "payload.CommonBlock.S1.senderDIPID", reasonFragment: "not nullable"),
        .init(
            label: "wrong type", path: ["payload", "CommonBlock", "M0", "MPANCore"], value: .number("1200000000011"),
            expectedPath: "payload.CommonBlock.M0.MPANCore", reasonFragment: "expected string"),
        .init(
            label: "too short", path: ["payload", "CommonBlock", "S1", "senderDIPID"], value: "123",
            expectedPath: "payload.CommonBlock.S1.senderDIPID", reasonFragment: "shorter than 10"),
        .init(
            label: "too long, counted in characters", path: ["payload", "CommonBlock", "S1", "senderDIPID"],
            value: "300000000é1", expectedPath: "payload.CommonBlock.S1.senderDIPID", reasonFragment: "longer than 10"),
        .init(
            label: "unknown interface", path: ["payload", "CommonBlock", "S0", "interfaceID"], value: "IF-999",
            expectedPath: "payload.CommonBlock.S0.interfaceID", reasonFragment: "unknown interface"),
        .init(
            label: "unknown event", path: ["payload", "CommonBlock", "S0", "eventCode"], value: "[Nope]",
            expectedPath: "payload.CommonBlock.S0.eventCode", reasonFragment: "unknown event code"),
        .init(
            label: "event code without brackets", path: ["payload", "CommonBlock", "S0", "eventCode"], value: "MSApp",
            expectedPath: "payload.CommonBlock.S0.eventCode", reasonFragment: "is not one of"),
        .init(
            label: "missing S0", path: ["payload", "CommonBlock", "S0"], value: nil,
            expectedPath: "payload.CommonBlock.S0", reasonFragment: "required"),
        .init(
            label: "interface id not a string", path: ["payload", "CommonBlock", "S0", "interfaceID"], value: 31,
            expectedPath: "payload.CommonBlock.S0.interfaceID", reasonFragment: "expected string"),
        .init(
            label: "object where a string belongs", path: ["payload", "CommonBlock", "S1", "senderRoleID"], value: [:],
            expectedPath: "payload.CommonBlock.S1.senderRoleID", reasonFragment: "expected string"),
    ]

    @Test("a broken message names the failing field", arguments: breakages)
    func breakageNamesField(breakage: Breakage) throws {
        let message = try DIPSchemaFixtures.message("IF-031-MSApp")
        #expect(DIPSchemaValidator.validate(message) == nil)
        let broken = try #require(message.replacing(breakage.path, with: breakage.value))
        let violation = try #require(DIPSchemaValidator.validate(broken))
        #expect(violation.path == breakage.expectedPath)
        #expect(violation.reason.contains(breakage.reasonFragment), "\(violation)")
    }

    @Test("a nullable field takes null")
    func nullableTakesNull() throws {
        let message = try DIPSchemaFixtures.message("IF-031-MSApp")
        let path = ["payload", "CustomBlock", "B070", "contractReferenceMeteringService"]
        #expect(DIPSchemaValidator.validate(try #require(message.replacing(path, with: .null))) == nil)
        #expect(DIPSchemaValidator.validate(try #require(message.replacing(path, with: "C-1"))) == nil)
    }

    @Test("the message itself must be an object with a payload")
    func messageShape() {
        #expect(DIPSchemaValidator.validate([1, 2]) == DIPSchemaViolation(path: "", reason: "expected object, found an array of 2"))
        #expect(DIPSchemaValidator.validate([:])?.path == "payload")
        #expect(DIPSchemaValidator.validate(["payload": "x"])?.path == "payload")
    }

    @Test("forcing the interface and event checks the message against that schema")
    func forcedSchema() throws {
        let message = try DIPSchemaFixtures.message("IF-031-MSApp")
        #expect(DIPSchemaValidator.validate(message, interface: "IF-031", event: "[MSApp]") == nil)
        let wrong = DIPSchemaValidator.validate(message, interface: "IF-031", event: "DSApp")
        #expect(wrong?.path == "payload.CommonBlock.S0.eventCode")
        #expect(DIPSchemaValidator.validate(message, interface: "IF-000", event: "MSApp")?.path == "payload.CommonBlock.S0.interfaceID")
    }

    @Test("a payload schema's oneOf reports the branch that matched the event code")
    func oneOfReportsTheMatchingBranch() throws {
        let message = try DIPSchemaFixtures.message("IF-031-MSApp")
        let schema = DIPSchemaBundle.compiled
        let payload = try #require(schema.interfaces["IF-031"]?.payload)
        var evaluator = SchemaEvaluator(schema)
        #expect(evaluator.check(message, payload) == nil)
        let broken = try #require(message.replacing(["payload", "CustomBlock", "B070", "proposedMeteringServiceMPID"], with: "ms"))
        var again = SchemaEvaluator(schema)
        let failure = again.check(broken, payload)
        #expect(failure?.path == "payload.CustomBlock.B070.proposedMeteringServiceMPID")
    }

    @Test("the specification's interfaces and events are known")
    func catalogue() {
        #expect(DIPSchemaValidator.knows(interface: "IF-021"))
        #expect(DIPSchemaValidator.knows(interface: "REP-002"))
        #expect(!DIPSchemaValidator.knows(interface: "IF-999"))
        #expect(DIPSchemaValidator.events(of: "IF-001") == ["ChangeOfSupplier", "InitialRegistration"])
        #expect(DIPSchemaValidator.events(of: "IF-016").contains("ActivePower"))
        #expect(DIPSchemaValidator.events(of: "IF-999").isEmpty)
        #expect(DIPSchemaValidator.interfaces.count >= 58)
        #expect(DIPSchemaValidator.reports.contains("REP-002"))
        #expect(DIPSchemaValidator.specificationVersion.count >= 40)
    }

    @Test("every pattern in the specification runs on the hand-written engine")
    func patternsAreSimple() {
        let patterns = DIPSchemaBundle.compiled.patterns
        #expect(patterns.count >= 10)
        for pattern in patterns { #expect(pattern.isSimple, "\(pattern.source)") }
    }

    @Test("report content is checked against the report's format")
    func reportContent() {
        #expect(DIPSchemaValidator.validate(reportContent: [:], report: "REP-002") == nil)
        #expect(DIPSchemaValidator.validate(reportContent: ["R999": 1], report: "REP-002")?.path == "R999")
        #expect(DIPSchemaValidator.validate(reportContent: [:], report: "REP-000")?.reason.contains("unknown report") == true)
    }
}
