import Foundation
import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSHub

/// Publishing rewrites only the common block's A0 (and drops D0) in the sender's own bytes;
/// the result must be the same message as writing the parsed value anew.
@Suite("Published messages")
struct PublishedMessageTests {
    @Test("splicing A0 into the sender's bytes gives the same message as rewriting it", arguments: try! HubFuzzTests.seeds().indices)
    func splice(index: Int) throws {
        let seed = try HubFuzzTests.seeds()[index]
            .setting(["payload", "CommonBlock", "D0"], to: ["transactionID": "T-forged", "publicationID": "PUB-001"])
            .setting(["payload", "CommonBlock", "A0"], to: ["primaryRecipients": ["3000000001"], "secondaryRecipients": [], "always": []])
        // Pretty, escaped and unsorted text, as a sender might write it, second in an array.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let text =
            "[ {\"payload\": {\"CommonBlock\": {}, \"CustomBlock\": {}}} ,\n " + String(decoding: try encoder.encode(seed), as: UTF8.self)
            + " ]"
        let body = Array(text.utf8)
        let elements = try JSONParser.parseElements(body)
        #expect(elements.count == 2 && elements[1].value == seed)
        let spliced = try #require(MessageFields(seed, source: (body, elements[1].range)))
            .published(primary: ["3000000001"], secondary: ["2000000000"], always: ["5000000001"])
        let rewritten = try #require(MessageFields(seed)).published(
            primary: ["3000000001"], secondary: ["2000000000"], always: ["5000000001"])
        #expect(try JSONParser.parse(spliced) == JSONParser.parse(rewritten))
        let common = try #require(try JSONParser.parse(spliced)["payload"]?["CommonBlock"])
        #expect(common["D0"] == nil)
        #expect(common["A0"]?["secondaryRecipients"] == ["2000000000"])
    }
}
