import MHHSCore

/// The hub's transaction ids and publication ids.
public enum TransactionID {
    /// `T-<interface>-<sender DIP id>-<sender role>-<UTC yyyymmdd>-<sequence, 16 hex digits>`, the
    /// specification's example form (`T-IF-021-1401234567-SDS-20220321-1234CC0123456789`). The
    /// hub's sequence makes it unique; it is at most 52 characters (limit 65).
    public static func make(interface: String, sender: DIPID, role: DIPRole, receivedAt: UTCInstant, sequence: Int64) -> String {
        let hex = String(UInt64(bitPattern: sequence), radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        let day = SettlementDate(dayNumber: receivedAt.utcDayNumber).compactText
        return "T-\(interface)-\(sender.value)-\(role.rawValue)-\(day)-\(padded)"
    }

    /// `PUB-021` for IF-021; `PUB-R003` for REP-003 [A] (7–8 characters; the specification
    /// gives only `PUB-001` as an example, and reports need ids apart from interfaces).
    public static func publicationID(of interface: String) -> String {
        if interface.hasPrefix("REP-") { return "PUB-R" + interface.dropFirst(4).prefix(3) }
        return "PUB-" + interface.dropFirst(3).prefix(3)
    }
}
