import Foundation
import Testing

@testable import MHHSMessages

@Suite("JSON text parsing keeps numbers as written")
struct JSONValueParsingTests {
    @Test("numbers keep their text, so 1.0 stays a non-integer as it is in Python")
    func numberText() throws {
        let value = try JSONValue(parsing: #"[1, 1.0, 1e2, -0, 12345678901234567890, 0.10]"#)
        #expect(value == [.number("1"), .number("1.0"), .number("1e2"), .number("-0"), .number("12345678901234567890"), .number("0.10")])
        #expect(JSONType.integer.admits(.number("1")) && JSONType.integer.admits(.number("12345678901234567890")))
        #expect(!JSONType.integer.admits(.number("1.0")) && !JSONType.integer.admits(.number("1e2")))
        #expect(JSONType.number.admits(.number("1e2")) && !JSONType.number.admits(.bool(true)))
    }

    @Test("strings, escapes, objects and literals")
    func structure() throws {
        let value = try JSONValue(parsing: #" {"a": "x\"y\u00e9\ud83d\ude00", "b": [true, false, null], "a2": {}} "#)
        #expect(value == ["a": "x\"yé😀", "b": [true, false, nil], "a2": [:]])
        // Unlike Python (last one wins), a duplicate member is refused: the hub must not guess.
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #"{"k": 1, "k": 2}"#) }
    }

    @Test("malformed text is rejected with its offset", arguments: ["", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "[1] x", "tru"])
    func malformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test("the golden messages parse to what JSONDecoder gives, numbers aside")
    func agreesWithDecoder() throws {
        for file in DIPSchemaFixtures.files {
            let data = try Data(contentsOf: DIPSchemaFixtures.testsFolder.appendingPathComponent(file))
            #expect(try JSONValue(parsing: data) == (try JSONDecoder().decode(JSONValue.self, from: data)), "\(file)")
        }
    }
}
