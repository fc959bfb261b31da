import Testing

@testable import MHHSMessages

/// The hand-written pattern engine must answer as Python's `re.search` (what dip-validate runs).
@Suite("Schema patterns match as Python's re.search")
struct SchemaPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let text: String
        let matches: Bool
        var testDescription: String { "\(pattern) ~ \(text.debugDescription) = \(matches)" }
    }

    static let cases: [Case] = [
        .init(pattern: #"^\d{13}?$"#, text: "1200000000011", matches: true),
        .init(pattern: #"^\d{13}?$"#, text: "120000000001", matches: false),
        .init(pattern: #"^\d{13}?$"#, text: "12000000000111", matches: false),
        // Python's $ also matches before one final newline.
        .init(pattern: #"^\d{13}?$"#, text: "1200000000011\n", matches: true),
        .init(pattern: #"^\d{13}?$"#, text: "1200000000011\n\n", matches: false),
        .init(pattern: #"^\d{13}?$"#, text: "1200000000011\r", matches: false),
        // \d is any Unicode decimal digit.
        .init(pattern: #"^\d{1,2}$"#, text: "\u{0663}", matches: true),
        .init(pattern: #"^\d{1,2}$"#, text: "\u{00B2}", matches: false),
        .init(pattern: #"^-?\d{1,9}\.\d{3}$"#, text: "-12.345", matches: true),
        .init(pattern: #"^-?\d{1,9}\.\d{3}$"#, text: "12x345", matches: false),
        .init(pattern: #"^[A-Z]{4}$"#, text: "MSSB", matches: true),
        .init(pattern: #"^[A-Z]{4}$"#, text: "MSsB", matches: false),
        .init(
            pattern: #"^S-((IF|REP)-)?\d{3,4}-[0-9a-fA-F]{10}-[A-Z]{3,5}-\d{8}-[a-zA-Z0-9]+$"#,
            text: "S-IF-031-3000000001-SUP-20261102-abc123", matches: true),
        .init(
            pattern: #"^S-((IF|REP)-)?\d{3,4}-[0-9a-fA-F]{10}-[A-Z]{3,5}-\d{8}-[a-zA-Z0-9]+$"#,
            text: "S-031-3000000001-SUP-20261102-abc123", matches: true),
        .init(
            pattern: #"^S-((IF|REP)-)?\d{3,4}-[0-9a-fA-F]{10}-[A-Z]{3,5}-\d{8}-[a-zA-Z0-9]+$"#,
            text: "S-XX-031-3000000001-SUP-20261102-abc123", matches: false),
        // Unanchored patterns search anywhere.
        .init(pattern: #"\d{2}"#, text: "ab12cd", matches: true),
        .init(pattern: "b|x$", text: "abc", matches: true),
        .init(pattern: "(?:ab)+c", text: "zababc", matches: true),
        .init(pattern: "^(a|ab)c$", text: "abc", matches: true),
        .init(pattern: "^a.c$", text: "a\nc", matches: false),
        .init(pattern: "^[^0-9]+$", text: "abc", matches: true),
    ]

    @Test("matches like Python", arguments: cases)
    func matchesLikePython(example: Case) {
        let pattern = SchemaPattern(example.pattern)
        #expect(pattern.isSimple)
        #expect(pattern.matches(example.text) == example.matches)
    }

    @Test("patterns outside the subset fall back to NSRegularExpression with the same answers")
    func fallback() {
        let word = SchemaPattern(#"^\w+$"#)
        #expect(!word.isSimple)
        #expect(word.matches("abc_1"))
        #expect(!word.matches("a b"))
        let end = SchemaPattern(#"^[a-z]+\s?$"#)
        #expect(end.matches("abc\n"))
    }
}
