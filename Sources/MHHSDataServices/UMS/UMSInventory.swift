import MHHSCore

/// One line of a UMS inventory: so many units of one charge code on one switch regime.
public struct UMSItem: Hashable, Sendable {
    public let chargeCode: ChargeCode
    /// At least 1.
    public let quantity: Int
    public let switchRegime: SwitchRegimeCode

    public init(chargeCode: ChargeCode, quantity: Int, switchRegime: SwitchRegimeCode) {
        precondition(UMSInventory.quantityRange.contains(quantity), "a UMS quantity is 1–1,000,000")
        self.chargeCode = chargeCode
        self.quantity = quantity
        self.switchRegime = switchRegime
    }
}

/// The unmetered apparatus of each UMS MPAN, as the UMSO's inventory lists it.
///
/// The same charge code and regime may appear on several lines of one MPAN (inventories list
/// apparatus by street); the lines are kept, and their energy adds up.
public struct UMSInventory: Hashable, Sendable {
    /// [A] 1–1,000,000 units per line: far above any real inventory, and it keeps
    /// quantity × watts × seconds in a year well inside Int64.
    public static let quantityRange = 1...1_000_000

    /// The header a CSV inventory starts with.
    public static let csvHeader = "mpan,charge_code,quantity,switch_regime"

    public let itemsByMPAN: [MPAN: [UMSItem]]

    public init(itemsByMPAN: [MPAN: [UMSItem]]) { self.itemsByMPAN = itemsByMPAN }

    /// The MPANs with items, ascending.
    public var mpans: [MPAN] { itemsByMPAN.keys.sorted() }

    /// The items of `mpan` in file order; empty when it has none.
    public func items(for mpan: MPAN) -> [UMSItem] { itemsByMPAN[mpan] ?? [] }

    /// Parses a CSV inventory: the header ``csvHeader``, then one item per line. Blank lines are
    /// skipped, LF or CRLF ends a line and spaces around a field are ignored. The first bad line
    /// throws, naming its line number (the header is line 1) and field.
    public init(csv text: String) throws(UMSInventoryError) {
        var items: [MPAN: [UMSItem]] = [:]
        var sawHeader = false
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, content) in lines.enumerated() {
            let line = index + 1
            guard !content.allSatisfy({ $0 == " " }) else { continue }
            let fields = content.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
            guard sawHeader else {
                guard fields.joined(separator: ",") == Self.csvHeader else {
                    throw UMSInventoryError(line: line, field: nil, reason: "the header must be '\(Self.csvHeader)'")
                }
                sawHeader = true
                continue
            }
            guard fields.count == 4 else {
                throw UMSInventoryError(line: line, field: nil, reason: "has \(fields.count) fields; expected 4")
            }
            let (mpan, item) = try Self.item(fields, line: line)
            items[mpan, default: []].append(item)
        }
        guard sawHeader else { throw UMSInventoryError(line: 1, field: nil, reason: "the inventory has no header") }
        itemsByMPAN = items
    }

    private static func item(_ fields: [Substring], line: Int) throws(UMSInventoryError) -> (MPAN, UMSItem) {
        let mpan: MPAN
        do { mpan = try MPAN(fields[0]) } catch { throw UMSInventoryError(line: line, field: "mpan", reason: error.description) }
        let code: ChargeCode
        do { code = try ChargeCode(fields[1]) } catch {
            throw UMSInventoryError(line: line, field: "charge_code", reason: error.description)
        }
        guard fields[2].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let quantity = Int(fields[2]),
            quantityRange.contains(quantity)
        else {
            throw UMSInventoryError(line: line, field: "quantity", reason: "'\(fields[2])' is not a whole number from 1 to 1,000,000")
        }
        let regime: SwitchRegimeCode
        do { regime = try SwitchRegimeCode(fields[3]) } catch {
            throw UMSInventoryError(line: line, field: "switch_regime", reason: error.description)
        }
        return (mpan, UMSItem(chargeCode: code, quantity: quantity, switchRegime: regime))
    }

    private static func trimmed(_ field: Substring) -> Substring {
        guard let first = field.firstIndex(where: { $0 != " " }), let last = field.lastIndex(where: { $0 != " " }) else { return "" }
        return field[first...last]
    }
}

/// A rejected line of a UMS inventory, naming where.
public struct UMSInventoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based; the header is line 1.
    public let line: Int
    /// The column, when one field is at fault.
    public let field: String?
    public let reason: String

    public init(line: Int, field: String?, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "line \(line)" + (field.map { ", field \($0)" } ?? "") + ": \(reason)" }
}
