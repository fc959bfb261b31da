import MHHSCore

/// Builds a sender unique reference in the specification's form:
/// `S-<interface>-<sender DIP id>-<sender role>-<YYYYMMDD>-<alphanumeric suffix>`
/// (pattern `^S-((IF|REP)-)?\d{3,4}-[0-9a-fA-F]{10}-[A-Z]{3,5}-\d{8}-[a-zA-Z0-9]+$`).
public enum SenderUniqueReference {
    /// `interface` like `IF-001`; `suffix` letters and digits only (e.g. a sequence number).
    public static func make(interface: String, sender: DIPID, role: DIPRole, date: SettlementDate, suffix: String) -> String {
        "S-\(interface)-\(sender.value)-\(role.rawValue)-\(date.compactText)-\(suffix)"
    }

    /// Whether a text matches the specification's pattern.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // S, [IF|REP,] nnn(n), hex10, ROLE, yyyymmdd, suffix
        var index = 0
        guard parts.count == 6 || parts.count == 7, parts[0] == "S" else { return false }
        index = 1
        if parts.count == 7 {
            guard parts[1] == "IF" || parts[1] == "REP" else { return false }
            index = 2
        }
        let number = parts[index]
        let hex = parts[index + 1]
        let role = parts[index + 2]
        let date = parts[index + 3]
        let suffix = parts[index + 4]
        func all(_ part: Substring, _ test: (UInt8) -> Bool) -> Bool { part.utf8.allSatisfy(test) }
        func digit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        return (3...4).contains(number.count) && all(number, digit)
            && hex.count == 10 && all(hex, { digit($0) || (65...70).contains($0) || (97...102).contains($0) })
            && (3...5).contains(role.count) && all(role, { (65...90).contains($0) })
            && date.count == 8 && all(date, digit)
            && !suffix.isEmpty && all(suffix, { digit($0) || (65...90).contains($0) || (97...122).contains($0) })
    }
}
