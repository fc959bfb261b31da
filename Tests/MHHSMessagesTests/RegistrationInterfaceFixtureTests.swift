import Foundation
import Testing

@testable import MHHSMessages

/// The golden REGS messages (one per interface and event, hand-written from the specification
/// and checked by `../shared/tools/dip-validate` in `.ci/run`) go through the envelope model
/// unchanged: every block, every required null.
@Suite("DIP envelope: the REGS interfaces")
struct RegistrationInterfaceFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dip")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("there is a golden message for every REGS interface in scope")
    func coverage() {
        let interfaces = Set(Self.files.map { String($0.prefix(6)) })
        for id in [
            "IF-001", "IF-002", "IF-003", "IF-005", "IF-006", "IF-007", "IF-008", "IF-009", "IF-018", "IF-025", "IF-026",
            "IF-031", "IF-032", "IF-033", "IF-034", "IF-035", "IF-036", "IF-037", "IF-040", "IF-044", "IF-045",
        ] {
            #expect(interfaces.contains(id), "no golden message for \(id)")
        }
    }

    @Test("decodes and re-encodes to the same JSON", arguments: files)
    func roundTrip(file: String) throws {
        let original = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let messages = try JSONDecoder().decode([DIPMessage].self, from: original)
        #expect(messages.count == 1)
        let common = messages[0].payload.CommonBlock
        #expect(file.hasPrefix(common.S0.interfaceID))
        #expect(file.dropFirst(7).hasPrefix(common.S0.eventCode.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))))
        #expect(SenderUniqueReference.isValid(common.S1.senderUniqueReference))
        #expect(try DIPEnvelopeTests.sameJSON(try DIPMessage.jsonArray(messages), original))
    }
}
