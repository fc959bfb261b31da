import MHHSCore

/// Reads group takes from CSV: `settlement_date,gsp_group,sp,direction,kwh`.
public enum GroupTakeCSV {
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String, source: String = "takes") throws(Failure) -> [GroupTake] {
        var takes: [GroupTake] = []
        var seen: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            if index == 0 {
                guard fields == ["settlement_date", "gsp_group", "sp", "direction", "kwh"] else {
                    throw Failure(line: 1, reason: "header must be settlement_date,gsp_group,sp,direction,kwh")
                }
                continue
            }
            func fail(_ reason: String) -> Failure { Failure(line: index + 1, reason: reason) }
            guard fields.count == 5 else { throw fail("expected 5 fields, found \(fields.count)") }
            let date: SettlementDate
            do { date = try SettlementDate(fields[0]) } catch { throw fail("settlement_date: \(error)") }
            guard let group = GSPGroup(rawValue: fields[1]) else { throw fail("gsp_group: unknown group \(fields[1])") }
            guard let number = Int(fields[2]), let period = try? date.period(number) else {
                throw fail("sp: \(fields[2]) is not a period of \(date) (1–\(date.periodCount))")
            }
            let direction: EnergyDirection
            switch fields[3].lowercased() {
            case "i", "import": direction = .importing
            case "e", "export": direction = .exporting
            default: throw fail("direction: expected import or export, found \(fields[3])")
            }
            guard let wattHours = wattHours(kilowattHours: fields[4]) else {
                throw fail("kwh: expected a non-negative number with at most 3 decimals, found \(fields[4])")
            }
            let key = "\(date)|\(group.rawValue)|\(number)|\(direction.rawValue)"
            guard seen.insert(key).inserted else { throw fail("duplicate take for \(group.rawValue) \(date) SP\(number) \(direction)") }
            takes.append(GroupTake(settlementDate: date, gspGroup: group, period: period, direction: direction, wattHours: wattHours))
        }
        return takes
    }
}

/// Non-negative kWh with up to three decimals (`12`, `12.5`, `12.345`) as whole Wh.
func wattHours(kilowattHours text: String) -> Int64? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), (1...12).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.count <= 3, parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
    var decimals = String(fraction)
    while decimals.count < 3 { decimals += "0" }
    return Int64(parts[0])! * 1_000 + Int64(decimals)!
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    var trimmingSpaces: String {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
