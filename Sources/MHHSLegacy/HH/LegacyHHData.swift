import MHHSCore
import MHHSRegistration
import MHHSSettlement

/// HH data of legacy HH metering points as their HH data collector reports it to the HH data
/// aggregator (the content of a D0036), in CSV: `mpan,mq,settlement_date,sp,kwh,flag`, one
/// settlement period per line, `kwh` with three decimals, `flag` `A` (actual) or `E` (estimated).
///
/// The HHDA's aggregation itself is the VAS's: legacy HH points settle in their own CCCs (class
/// 9) from this data, and their missing periods are defaulted as MHHS ones are. MDS refuses
/// IF-021 for points not settled under MHHS, so this is the legacy HH data's only way in.
public struct LegacyHHData: Sendable {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let mpan: MPAN
        public let quantity: MeasurementQuantity
        public let settlementDate: SettlementDate
        public let period: Int
        public let wattHours: Int64
        public let actual: Bool
    }

    /// A row refused on its content (the file's other rows are kept).
    public struct Refusal: Sendable, Hashable {
        public let line: Int
        public let mpan: MPAN
        public let reason: String
    }

    /// The file is not in the documented form; nothing of it is stored.
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public let rows: [Row]

    public static let header = "mpan,mq,settlement_date,sp,kwh,flag"

    public init(csv text: String) throws(FormatError) {
        var rows: [Row] = []
        var seen = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if index == 0 {
                guard trimmed == Self.header else { throw FormatError(line: 1, message: "the header must be \(Self.header)") }
                continue
            }
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 6 else { throw FormatError(line: number, message: "6 fields expected, found \(fields.count)") }
            let names = ["mpan", "mq", "settlement_date", "sp", "kwh", "flag"]
            func field<T>(_ name: String, _ parse: () throws -> T?) throws(FormatError) -> T {
                guard let value = try? parse() else {
                    throw FormatError(line: number, message: "\(name) '\(fields[names.firstIndex(of: name)!])' is not valid")
                }
                return value
            }
            let mpan = try field("mpan") { try MPAN(fields[0]) }
            let quantity = try field("mq") { try MeasurementQuantity(code: fields[1]) }
            let date = try field("settlement_date") { try SettlementDate(fields[2]) }
            let period = try field("sp") { Int(fields[3]).flatMap { (1...date.periodCount).contains($0) ? $0 : nil } }
            let energy = try field("kwh") { try Energy(dipKWh: fields[4]) }
            let actual = try field("flag") { fields[5] == "A" ? true : fields[5] == "E" ? false : nil }
            guard seen.insert("\(mpan)|\(quantity)|\(date)|\(period)").inserted else {
                throw FormatError(line: number, message: "\(mpan) \(quantity.rawValue) \(date) SP \(period) is given twice")
            }
            rows.append(
                Row(
                    line: number, mpan: mpan, quantity: quantity, settlementDate: date, period: period, wattHours: energy.wattHours,
                    actual: actual))
        }
        self.rows = rows
    }

    /// What one ingest kept and refused.
    public struct Receipt: Sendable {
        public let accepted: Int
        public let refusals: [Refusal]
        public let stored: SPIngestReceipt?
    }

    /// Checks every row against the register as known at `receivedAt` (the point must be legacy
    /// HH with a supplier on the date, the quantity the one it settles on, AI or AE by its
    /// direction, the date not after receipt, the value not negative and below 2 GWh a half
    /// hour), and
    /// stores the rest as one ingest: a new version of the SP data, visible to runs after then.
    public func ingest(register: any RegisterRepository, store: any SPDataStore, receivedAt: UTCInstant) async throws -> Receipt {
        var refusals: [Refusal] = []
        var builders: [String: SPSegmentBuilder] = [:]
        var rowIndex: [String: Int] = [:]
        var accepted = 0
        let byMPAN = Dictionary(grouping: rows, by: \.mpan)
        for mpan in byMPAN.keys.sorted() {
            let history = try await register.assertions(for: mpan)
            for row in byMPAN[mpan]! {
                guard let group = history.first?.gspGroup,
                    let state = RegisterFold.state(of: history, on: row.settlementDate, asKnownAt: receivedAt)
                else {
                    refusals.append(Refusal(line: row.line, mpan: mpan, reason: "not registered on \(row.settlementDate)"))
                    continue
                }
                guard state.arrangement == .legacyHH, state.supplier != nil else {
                    let arrangement = state.arrangement?.rawValue ?? "no arrangement"
                    refusals.append(Refusal(line: row.line, mpan: mpan, reason: "\(arrangement), not legacy HH, on \(row.settlementDate)"))
                    continue
                }
                let expected: MeasurementQuantity = state.energyDirection == .exporting ? .activeExport : .activeImport
                guard row.quantity == expected else {
                    refusals.append(
                        Refusal(
                            line: row.line, mpan: mpan, reason: "\(row.quantity.rawValue) data for a point settled on \(expected.rawValue)")
                    )
                    continue
                }
                guard row.settlementDate <= LocalSettlementPeriod(containing: receivedAt).date else {
                    refusals.append(Refusal(line: row.line, mpan: mpan, reason: "\(row.settlementDate) is after the data was received"))
                    continue
                }
                guard row.wattHours >= 0, row.wattHours <= Int64(Int32.max) else {
                    refusals.append(Refusal(line: row.line, mpan: mpan, reason: "value \(row.wattHours) Wh is out of range"))
                    continue
                }
                let segmentKey = "\(row.settlementDate)|\(group.rawValue)"
                var builder = builders[segmentKey] ?? SPSegmentBuilder(settlementDate: row.settlementDate, gspGroup: group)
                let key = "\(segmentKey)|\(mpan)|\(row.quantity.rawValue)"
                let index = rowIndex[key] ?? builder.addRow(mpan: mpan.value, quantity: row.quantity, version: 0)
                rowIndex[key] = index
                builder.set(
                    row: index, periodIndex: row.period - 1, energyWh: Int32(row.wattHours),
                    quality: row.actual ? .actual : QualityCode("E")!)
                builders[segmentKey] = builder
                accepted += 1
            }
        }
        let stored =
            builders.isEmpty ? nil : try await store.append(builders.keys.sorted().map { builders[$0]! }, receivedAt: receivedAt)
        return Receipt(accepted: accepted, refusals: refusals.sorted { $0.line < $1.line }, stored: stored)
    }
}
