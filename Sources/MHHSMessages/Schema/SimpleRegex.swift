/// A small regular-expression engine for the patterns the DIP specification actually uses
/// (`^\d{13}?$`, `^-?\d{1,9}\.\d{3}$`, `^S-((IF|REP)-)?\d{3,4}-[0-9a-fA-F]{10}-...$`).
///
/// It exists for speed and for exactness: a message carries several patterned fields, and
/// Foundation's NSRegularExpression costs a String→NSString bridge and an ICU call per field.
/// Semantics are Python's `re.search` (what dip-validate runs): unanchored unless the pattern says
/// `^`, `$` also matches before one final `\n`, `\d` is any Unicode decimal digit (category Nd),
/// `.` is anything but `\n`. A pattern outside the subset makes `init` return nil, and the caller
/// falls back to NSRegularExpression.
struct SimpleRegex: Sendable {
    let alternatives: [[Term]]
    /// Every alternative starts with `^`: only position 0 can match.
    let anchored: Bool

    struct Term: Sendable {
        let atom: Atom
        let min: Int
        let max: Int
    }

    indirect enum Atom: Sendable {
        case scalars(ScalarSet)
        case group([[Term]])
        case start
        case end
    }

    /// A set of Unicode scalars: ranges, optionally `\d`, optionally negated.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var digits = false
        var negated = false

        func contains(_ scalar: UInt32) -> Bool {
            var found = digits && Self.isDigit(scalar)
            if !found {
                for range in ranges where range.contains(scalar) {
                    found = true
                    break
                }
            }
            return found != negated
        }

        static func isDigit(_ scalar: UInt32) -> Bool {
            if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
            return Unicode.Scalar(scalar)?.properties.numericType == .decimal
        }
    }

    init?(_ pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let alternatives = parser.alternation(), parser.atEnd else { return nil }
        self.alternatives = alternatives
        self.anchored = alternatives.allSatisfy {
            if case .start = $0.first?.atom { return true }
            return false
        }
    }
}

extension SimpleRegex {
    /// Recursive descent over the subset: groups `( )` and `(?: )`, `|`, classes `[...]` and
    /// `[^...]`, `\d`, escaped punctuation, `.`, `^`, `$`, and the quantifiers `? * + {n} {n,}
    /// {n,m}` (greedy or lazy; laziness does not change whether a match exists).
    fileprivate struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index == scalars.count }

        mutating func alternation() -> [[Term]]? {
            var alternatives: [[Term]] = []
            while true {
                guard let sequence = sequence() else { return nil }
                alternatives.append(sequence)
                guard !atEnd, scalars[index] == "|" else { return alternatives }
                index += 1
            }
        }

        mutating func sequence() -> [Term]? {
            var terms: [Term] = []
            while !atEnd, scalars[index] != "|", scalars[index] != ")" {
                guard let atom = atom() else { return nil }
                guard let (min, max) = quantifier() else { return nil }
                switch atom {
                case .start, .end: if (min, max) != (1, 1) { return nil }
                default: break
                }
                terms.append(Term(atom: atom, min: min, max: max))
            }
            return terms
        }

        mutating func atom() -> Atom? {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .scalars(ScalarSet(ranges: [10...10], negated: true))
            case "(":
                if index + 1 < scalars.count, scalars[index] == "?" {
                    guard scalars[index + 1] == ":" else { return nil }
                    index += 2
                }
                guard let inner = alternation(), !atEnd, scalars[index] == ")" else { return nil }
                index += 1
                return .group(inner)
            case "[": return characterClass().map(Atom.scalars)
            case "\\": return escape().map(Atom.scalars)
            case ")", "*", "+", "?", "{", "}", "]", "|": return nil
            default: return .scalars(ScalarSet(ranges: [scalar.value...scalar.value]))
            }
        }

        /// After a backslash: `\d`, or escaped punctuation standing for itself.
        mutating func escape() -> ScalarSet? {
            guard !atEnd else { return nil }
            let scalar = scalars[index]
            index += 1
            if scalar == "d" { return ScalarSet(digits: true) }
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return ScalarSet(ranges: [scalar.value...scalar.value])
        }

        mutating func characterClass() -> ScalarSet? {
            var set = ScalarSet()
            if !atEnd, scalars[index] == "^" {
                set.negated = true
                index += 1
            }
            var first = true
            while !atEnd {
                var scalar = scalars[index]
                index += 1
                if scalar == "]", !first { return set }
                first = false
                if scalar == "[" { return nil }
                if scalar == "\\" {
                    guard let escaped = escape() else { return nil }
                    if escaped.digits {
                        set.digits = true
                        continue
                    }
                    scalar = Unicode.Scalar(escaped.ranges[0].lowerBound)!
                }
                if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                    let upper = scalars[index + 1]
                    guard upper != "\\", upper != "[", upper.value >= scalar.value else { return nil }
                    set.ranges.append(scalar.value...upper.value)
                    index += 2
                } else {
                    set.ranges.append(scalar.value...scalar.value)
                }
            }
            return nil
        }

        mutating func quantifier() -> (Int, Int)? {
            guard !atEnd else { return (1, 1) }
            var bounds: (Int, Int)
            switch scalars[index] {
            case "?": bounds = (0, 1)
            case "*": bounds = (0, .max)
            case "+": bounds = (1, .max)
            case "{":
                guard let braced = braces() else { return nil }
                bounds = braced
                index -= 1
            default: return (1, 1)
            }
            index += 1
            if !atEnd, scalars[index] == "?" { index += 1 }
            if !atEnd, ["+", "*", "{"].contains(scalars[index]) { return nil }
            return bounds
        }

        /// `{n}`, `{n,}` or `{n,m}`, leaving `index` after the closing brace.
        mutating func braces() -> (Int, Int)? {
            guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
            let body = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard let low = Int(parts[0]), parts.count <= 2 else { return nil }
            var high = low
            if parts.count == 2 { high = parts[1].isEmpty ? .max : (Int(parts[1]) ?? -1) }
            guard high >= low else { return nil }
            index = close + 1
            return (low, high)
        }
    }
}
