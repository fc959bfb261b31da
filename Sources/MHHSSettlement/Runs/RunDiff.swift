import MHHSCore

/// The differences between two runs' corrected volumes, per supplier × BM unit × CCC × SP.
public struct RunDiff: Sendable {
    public struct Change: Sendable, Hashable {
        public let gspGroup: String
        public let supplier: String
        public let bmUnit: String
        public let ccc: String
        public let period: Int
        public let fromMilliWh: Int64
        public let toMilliWh: Int64
        public var deltaMilliWh: Int64 { toMilliWh - fromMilliWh }
    }

    public let changes: [Change]

    /// Compares two `volumes.csv` files; changes are sorted by the size of the change, largest
    /// first (ties in key order).
    public init(from: [UInt8], to: [UInt8]) {
        let before = Self.read(from)
        let after = Self.read(to)
        var changes: [Change] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let old = before[key] ?? 0
            let new = after[key] ?? 0
            guard old != new else { continue }
            changes.append(
                Change(
                    gspGroup: key.group, supplier: key.supplier, bmUnit: key.bmUnit, ccc: key.ccc, period: key.period, fromMilliWh: old,
                    toMilliWh: new))
        }
        self.changes = changes.enumerated().sorted {
            $0.element.deltaMilliWh.magnitude != $1.element.deltaMilliWh.magnitude
                ? $0.element.deltaMilliWh.magnitude > $1.element.deltaMilliWh.magnitude : $0.offset < $1.offset
        }.map(\.element)
    }

    /// One result cell. Keys sort as the text `group|supplier|unit|ccc|SP` (two-digit SP) sorts,
    /// the order diffs have always listed ties in.
    struct Key: Hashable, Comparable {
        let group: String, supplier: String, bmUnit: String, ccc: String
        let period: Int

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.group != rhs.group { return precedes(lhs.group, rhs.group) }
            if lhs.supplier != rhs.supplier { return precedes(lhs.supplier, rhs.supplier) }
            if lhs.bmUnit != rhs.bmUnit { return precedes(lhs.bmUnit, rhs.bmUnit) }
            if lhs.ccc != rhs.ccc { return precedes(lhs.ccc, rhs.ccc) }
            return lhs.period < rhs.period
        }

        /// `left|` before `right|`, byte by byte.
        private static func precedes(_ left: String, _ right: String) -> Bool {
            var leftBytes = left.utf8.makeIterator()
            var rightBytes = right.utf8.makeIterator()
            while true {
                let l = leftBytes.next() ?? UInt8(ascii: "|")
                let r = rightBytes.next() ?? UInt8(ascii: "|")
                if l != r { return l < r }
                if l == UInt8(ascii: "|") { return false }
            }
        }
    }

    /// Each cell's corrected mWh.
    private static func read(_ bytes: [UInt8]) -> [Key: Int64] {
        var values: [Key: Int64] = [:]
        for volume in RunResults.volumes(bytes) {
            values[Key(group: volume.group, supplier: volume.supplier, bmUnit: volume.bmUnit, ccc: volume.ccc, period: volume.period)] =
                volume.correctedMilliWh
        }
        return values
    }
}
