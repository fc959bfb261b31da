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
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            changes.append(
                Change(
                    gspGroup: parts[0], supplier: parts[1], bmUnit: parts[2], ccc: parts[3], period: Int(parts[4])!,
                    fromMilliWh: old, toMilliWh: new))
        }
        self.changes = changes.enumerated().sorted {
            $0.element.deltaMilliWh.magnitude != $1.element.deltaMilliWh.magnitude
                ? $0.element.deltaMilliWh.magnitude > $1.element.deltaMilliWh.magnitude : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Key `group|supplier|unit|ccc|sp` → corrected mWh. The SP is zero-padded so keys sort by period.
    private static func read(_ bytes: [UInt8]) -> [String: Int64] {
        var values: [String: Int64] = [:]
        for volume in RunResults.volumes(bytes) {
            let period = volume.period < 10 ? "0\(volume.period)" : String(volume.period)
            values["\(volume.group)|\(volume.supplier)|\(volume.bmUnit)|\(volume.ccc)|\(period)"] = volume.correctedMilliWh
        }
        return values
    }
}
