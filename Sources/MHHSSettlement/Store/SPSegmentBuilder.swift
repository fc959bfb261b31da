import Crypto
import MHHSCore

/// Collects rows for one settlement date and GSP group and writes them as one segment
/// (``SPSegmentLayout``), sorted by (MPAN, MQ, version).
public struct SPSegmentBuilder: Sendable {
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let periodCount: Int
    private var mpans: [Int64] = []
    private var quantities: [UInt8] = []
    private var versions: [Int64] = []
    private var values: [Int32] = []
    private var quality: [UInt8] = []

    public init(settlementDate: SettlementDate, gspGroup: GSPGroup, reservingRows rows: Int = 0) {
        self.settlementDate = settlementDate
        self.gspGroup = gspGroup
        self.periodCount = settlementDate.periodCount
        mpans.reserveCapacity(rows)
        quantities.reserveCapacity(rows)
        versions.reserveCapacity(rows)
        values.reserveCapacity(rows * periodCount)
        quality.reserveCapacity(rows * periodCount)
    }

    public var rowCount: Int { mpans.count }
    public var isEmpty: Bool { mpans.isEmpty }

    /// Adds a row whose periods are all empty and returns its index, for ``set(row:period:…)``.
    public mutating func addRow(mpan: Int64, quantity: MeasurementQuantity, version: Int64) -> Int {
        mpans.append(mpan)
        quantities.append(UInt8(MeasurementQuantity.allCases.firstIndex(of: quantity)!))
        versions.append(version)
        values.append(contentsOf: repeatElement(0, count: periodCount))
        quality.append(contentsOf: repeatElement(0, count: periodCount))
        return mpans.count - 1
    }

    /// Sets one period (0-based index) of a row.
    public mutating func set(row: Int, periodIndex: Int, energyWh: Int32, quality code: QualityCode) {
        values[row * periodCount + periodIndex] = energyWh
        quality[row * periodCount + periodIndex] = code.rawValue
    }

    /// Adds a whole row at once (bulk paths): `values` and `quality` hold ``periodCount`` entries.
    public mutating func addRow(
        mpan: Int64, quantityIndex: UInt8, version: Int64, values rowValues: UnsafeBufferPointer<Int32>,
        quality rowQuality: UnsafeBufferPointer<UInt8>
    ) {
        mpans.append(mpan)
        quantities.append(quantityIndex)
        versions.append(version)
        values.append(contentsOf: rowValues)
        quality.append(contentsOf: rowQuality)
    }

    /// The segment's bytes, digest included. `version`, when given, stamps every row (a new
    /// ingest); otherwise each row keeps the version it was added with (compaction).
    public func bytes(stampingVersion version: Int64? = nil) -> [UInt8] {
        let rows = mpans.count
        let order = sortedOrder()
        let layout = SPSegmentLayout.offsets(rows: rows, periods: periodCount)
        let actual = QualityCode.actualBytes
        var output = [UInt8](repeating: 0, count: layout.size)
        output.withUnsafeMutableBytes { raw in
            raw.copyBytes(from: SPSegmentLayout.magic)
            raw.storeBytes(of: SPSegmentLayout.formatVersion.littleEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: UInt32(periodCount).littleEndian, toByteOffset: 12, as: UInt32.self)
            raw.storeBytes(of: Int64(settlementDate.dayNumber).littleEndian, toByteOffset: 16, as: Int64.self)
            raw.storeBytes(of: UInt32(GSPGroup.allCases.firstIndex(of: gspGroup)!).littleEndian, toByteOffset: 24, as: UInt32.self)
            raw.storeBytes(of: UInt64(rows).littleEndian, toByteOffset: 32, as: UInt64.self)
            for (index, offset) in layout.columns.enumerated() {
                raw.storeBytes(of: UInt64(offset).littleEndian, toByteOffset: 40 + 8 * index, as: UInt64.self)
            }
            let columns = layout.columns
            for (row, source) in order.enumerated() {
                raw.storeBytes(of: mpans[source], toByteOffset: columns[0] + 8 * row, as: Int64.self)
                raw.storeBytes(of: quantities[source], toByteOffset: columns[1] + row, as: UInt8.self)
                raw.storeBytes(of: version ?? versions[source], toByteOffset: columns[2] + 8 * row, as: Int64.self)
                var presentBits: UInt64 = 0
                var estimatedBits: UInt64 = 0
                for period in 0..<periodCount {
                    let code = quality[source * periodCount + period]
                    guard code != 0 else { continue }
                    presentBits |= 1 << UInt64(period)
                    if !actual.contains(code) { estimatedBits |= 1 << UInt64(period) }
                    raw.storeBytes(
                        of: values[source * periodCount + period],
                        toByteOffset: columns[5] + 4 * (row * periodCount + period), as: Int32.self)
                    raw.storeBytes(of: code, toByteOffset: columns[6] + row * periodCount + period, as: UInt8.self)
                }
                raw.storeBytes(of: presentBits, toByteOffset: columns[3] + 8 * row, as: UInt64.self)
                raw.storeBytes(of: estimatedBits, toByteOffset: columns[4] + 8 * row, as: UInt64.self)
            }
            let content = UnsafeRawBufferPointer(rebasing: raw[0..<(layout.size - SPSegmentLayout.trailerSize)])
            let digest = Array(SHA256.hash(data: content))
            for (index, byte) in digest.enumerated() { raw[layout.size - SPSegmentLayout.trailerSize + index] = byte }
        }
        return output
    }

    /// Row order by (MPAN, MQ, version); already-sorted input (bulk files) costs one pass.
    private func sortedOrder() -> [Int] {
        var sorted = true
        for index in mpans.indices.dropFirst() where !Self.before(index - 1, index, mpans, quantities, versions) {
            sorted = false
            break
        }
        if sorted { return Array(mpans.indices) }
        return mpans.indices.sorted { Self.before($0, $1, mpans, quantities, versions) }
    }

    @inline(__always)
    private static func before(_ a: Int, _ b: Int, _ mpans: [Int64], _ quantities: [UInt8], _ versions: [Int64]) -> Bool {
        (mpans[a], quantities[a], versions[a]) < (mpans[b], quantities[b], versions[b])
    }
}
