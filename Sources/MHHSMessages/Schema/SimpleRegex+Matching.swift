extension SimpleRegex {
    /// Whether the pattern matches anywhere in `text` (Python's `re.search`).
    ///
    /// ASCII text is matched on its UTF-8 bytes in place; anything else on its Unicode scalars,
    /// which is what Python counts.
    func matches(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? Matcher(regex: self, input: bytes).search() : nil
        }
        if let ascii, let result = ascii { return result }
        let scalars = text.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { Matcher(regex: self, input: $0).search() }
    }
}

/// Backtracking over a buffer of code units (bytes or scalars): greedy runs for single-scalar
/// terms, recursion with a continuation for groups. The DIP patterns are short and anchored, so
/// the worst case never matters in practice.
private struct Matcher<Unit: UnsignedInteger> {
    let regex: SimpleRegex
    let input: UnsafeBufferPointer<Unit>

    func search() -> Bool {
        let lastStart = regex.anchored ? 0 : input.count
        for start in 0...lastStart where alternatives(regex.alternatives, start, { _ in true }) {
            return true
        }
        return false
    }

    private func alternatives(_ alternatives: [[SimpleRegex.Term]], _ position: Int, _ next: (Int) -> Bool) -> Bool {
        for terms in alternatives where sequence(terms, 0, position, next) {
            return true
        }
        return false
    }

    private func sequence(_ terms: [SimpleRegex.Term], _ index: Int, _ position: Int, _ next: (Int) -> Bool) -> Bool {
        guard index < terms.count else { return next(position) }
        let term = terms[index]
        switch term.atom {
        case .start:
            return position == 0 && sequence(terms, index + 1, position, next)
        case .end:
            let atEnd = position == input.count || (position == input.count - 1 && input[position] == 10)
            return atEnd && sequence(terms, index + 1, position, next)
        case .scalars(let set):
            var count = 0
            var end = position
            while count < term.max, end < input.count, set.contains(UInt32(input[end])) {
                count += 1
                end += 1
            }
            while count >= term.min {
                if sequence(terms, index + 1, end, next) { return true }
                if count == 0 { break }
                count -= 1
                end -= 1
            }
            return false
        case .group(let inner):
            return repeated(inner, term, 0, position) { sequence(terms, index + 1, $0, next) }
        }
    }

    /// A quantified group, greedily: one more repetition first, then what follows. A repetition
    /// that consumed nothing is not repeated again once the minimum is met.
    private func repeated(
        _ inner: [[SimpleRegex.Term]], _ term: SimpleRegex.Term, _ count: Int, _ position: Int, _ next: (Int) -> Bool
    ) -> Bool {
        if count < term.max {
            let more = alternatives(inner, position) { end in
                (end != position || count < term.min) && repeated(inner, term, count + 1, end, next)
            }
            if more { return true }
        }
        return count >= term.min && next(position)
    }
}
