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

    enum Atom: Sendable {
        case scalars(ScalarSet)
        case group([[Term]])
        case start
        case end
    }

    /// A set of Unicode scalars: ranges, optionally `\d`, optionally negated. ASCII answers come
    /// from a 128-bit map built once; only other scalars look at the ranges.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = [] {
            didSet { buildMap() }
        }
        var digits = false {
            didSet { buildMap() }
        }
        var negated = false {
            didSet { buildMap() }
        }
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(ranges: [ClosedRange<UInt32>] = [], digits: Bool = false, negated: Bool = false) {
            self.ranges = ranges
            self.digits = digits
            self.negated = negated
            buildMap()
        }

        @inline(__always)
        func contains(_ scalar: UInt32) -> Bool {
            if scalar < 64 { return low & (1 << UInt64(scalar)) != 0 }
            if scalar < 128 { return high & (1 << UInt64(scalar - 64)) != 0 }
            return slowContains(scalar)
        }

        private func slowContains(_ scalar: UInt32) -> Bool {
            let found = (digits && Self.isDigit(scalar)) || ranges.contains { $0.contains(scalar) }
            return found != negated
        }

        private mutating func buildMap() {
            low = 0
            high = 0
            for scalar in UInt32(0)..<128 where slowContains(scalar) {
                if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
            }
        }

        static func isDigit(_ scalar: UInt32) -> Bool {
            if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
            return Unicode.Scalar(scalar)?.properties.numericType == .decimal
        }
    }

    init?(_ pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let parsed = parser.alternation(), parser.atEnd else { return nil }
        let alternatives = Self.flattened(parsed) ?? parsed
        self.alternatives = alternatives
        self.anchored = alternatives.allSatisfy {
            if case .start = $0.first?.atom { return true }
            return false
        }
    }
}

extension SimpleRegex {
    /// The same language without groups, when that takes at most `limit` alternatives:
    /// `^S-((IF|REP)-)?\d{3,4}` becomes `^S-IF-\d{3,4}`, `^S-REP-\d{3,4}` and `^S-\d{3,4}`.
    ///
    /// Only whether a match exists matters, and a union of alternatives has a match exactly when
    /// one of them does; without groups the matcher needs no continuations, which made the sender
    /// unique reference pattern five times faster.
    static func flattened(_ alternatives: [[Term]], limit: Int = 16) -> [[Term]]? {
        var result: [[Term]] = []
        for terms in alternatives {
            var partials: [[Term]] = [[]]
            for term in terms {
                guard case .group(let inner) = term.atom else {
                    partials = partials.map { $0 + [term] }
                    continue
                }
                guard term.max <= 4, let choices = flattened(inner, limit: limit) else { return nil }
                var repetitions: [[Term]] = []
                var picks: [[Term]] = [[]]
                for count in 0...term.max {
                    if count >= term.min { repetitions += picks }
                    picks = picks.flatMap { pick in choices.map { pick + $0 } }
                    guard picks.count <= limit else { break }
                }
                partials = partials.flatMap { partial in repetitions.map { partial + $0 } }
                guard partials.count <= limit else { return nil }
            }
            result += partials
            guard result.count <= limit else { return nil }
        }
        return result
    }

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
