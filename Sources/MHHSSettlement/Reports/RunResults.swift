import MHHSCore

/// A stored run's result files read back into rows, for reports.
public struct RunResults: Sendable {
    public struct Volume: Sendable, Hashable {
        public let group: String, supplier: String, bmUnit: String, ccc: String, component: String, direction: String
        public let period: Int
        public let uncorrectedMilliWh: Int64, correctedMilliWh: Int64
        public let meteringPoints: Int
    }

    public struct Correction: Sendable, Hashable {
        public let group: String, period: Int, direction: String, factor: String, outcome: String
    }

    public struct LossUse: Sendable, Hashable {
        public let group: String, distributor: String, llfClass: String, usedDefault: Bool
    }

    public struct Defaulted: Sendable, Hashable {
        public let group: String, mpan: String, supplier: String, bmUnit: String, quantity: String, periods: String
        /// Wh and load-shape flag of each defaulted period, in period order.
        public let wattHours: [Int64], flags: [String]
        public let method: String, dataService: String, distributor: String, segment: String
        public let connectionType: String, domestic: Bool
    }

    public struct DUoS: Sendable, Hashable {
        public let group: String, supplier: String, distributor: String, llfClass: String, direction: String, domestic: String
        public let period: Int
        public let milliWh: Int64, actualDayMilliWh: Int64, estimatedDayMilliWh: Int64
        public let energised: Int, deEnergised: Int
    }

    public struct Class: Sendable, Hashable {
        public let id: String, component: String, direction: String, segment: String, connectionType: String, dataKind: String
        public let weight: String
        /// `mhhs` or `legacy-nhh` (runs stored before the legacy path have only MHHS classes).
        public let arrangement: String
    }

    public let manifest: RunManifest
    public let volumes: [Volume]
    public let corrections: [Correction]
    public let lossUses: [LossUse]
    public let defaulted: [Defaulted]
    public let duos: [DUoS]
    public let classes: [String: Class]

    public struct Missing: Error, CustomStringConvertible {
        public let file: String
        public var description: String { "the run has no readable \(file)" }
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let file: String
        public let text: String
        public var description: String { "the run's \(file) has an unreadable value: \(text.prefix(80))" }
    }

    /// `defaults.csv` rows: each defaulted period's Wh and flag; a run stored before load shapes
    /// (14 columns: one flat Wh per period, flag `E`) reads the same.
    static func defaulted(_ rows: [[String]], legacy: [[String]]) throws -> [Defaulted] {
        func wattHours(_ text: String, count: Int) throws -> [Int64] {
            let values = try text.split(separator: " ").map { value in
                guard let number = Int64(value) else { throw Malformed(file: SettlementRunFiles.defaults, text: text) }
                return number
            }
            guard values.count == count || values.count == 1 else { throw Malformed(file: SettlementRunFiles.defaults, text: text) }
            return values.count == count ? values : Array(repeating: values[0], count: count)
        }
        let current = try rows.map { row -> Defaulted in
            let count = ReportContent.periodCount(row[6])
            guard row[8].count == count else { throw Malformed(file: SettlementRunFiles.defaults, text: row[8]) }
            return Defaulted(
                group: row[1], mpan: row[2], supplier: row[3], bmUnit: row[4], quantity: row[5], periods: row[6],
                wattHours: try wattHours(row[7], count: count), flags: row[8].map(String.init), method: row[9], dataService: row[10],
                distributor: row[11], segment: row[12], connectionType: row[13], domestic: row[14] == "true")
        }
        let old = try legacy.map { row -> Defaulted in
            let count = ReportContent.periodCount(row[6])
            return Defaulted(
                group: row[1], mpan: row[2], supplier: row[3], bmUnit: row[4], quantity: row[5], periods: row[6],
                wattHours: try wattHours(row[7], count: count), flags: Array(repeating: "E", count: count), method: row[8],
                dataService: row[9], distributor: row[10], segment: row[11], connectionType: row[12], domestic: row[13] == "true")
        }
        return current + old
    }

    public init(manifest: RunManifest, files: [String: [UInt8]]) throws {
        func rows(_ name: String, _ count: Int) throws -> [[String]] {
            guard let bytes = files[name] else { throw Missing(file: name) }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }.filter { $0.count == count }
        }
        self.manifest = manifest
        guard let volumeBytes = files[SettlementRunFiles.volumes] else { throw Missing(file: SettlementRunFiles.volumes) }
        volumes = Self.volumes(volumeBytes)
        corrections = try rows(SettlementRunFiles.corrections, 8).map {
            Correction(group: $0[1], period: Int($0[2])!, direction: $0[3], factor: $0[6], outcome: $0[7])
        }
        lossUses = try rows(SettlementRunFiles.lineLosses, 6).map {
            LossUse(group: $0[1], distributor: $0[2], llfClass: $0[3], usedDefault: $0[4] == "true")
        }
        defaulted = try Self.defaulted(rows(SettlementRunFiles.defaults, 15), legacy: rows(SettlementRunFiles.defaults, 14))
        duos = try rows(SettlementRunFiles.duos, 13).map {
            DUoS(
                group: $0[1], supplier: $0[2], distributor: $0[3], llfClass: $0[4], direction: $0[5], domestic: $0[6], period: Int($0[7])!,
                milliWh: Self.milliWh($0[8]), actualDayMilliWh: Self.milliWh($0[9]), estimatedDayMilliWh: Self.milliWh($0[10]),
                energised: Int($0[11])!, deEnergised: Int($0[12])!)
        }
        var classes: [String: Class] = [:]
        for row in try rows(SettlementRunFiles.classes, 7) + rows(SettlementRunFiles.classes, 8) {
            classes[row[0]] = Class(
                id: row[0], component: row[1], direction: row[2], segment: row[3], connectionType: row[4], dataKind: row[5], weight: row[6],
                arrangement: row.count == 8 ? row[7] : SettlementArrangement.mhhs.rawValue)
        }
        self.classes = classes
    }

    /// The rows of a `volumes.csv` (``SettlementRunFiles/render(_:classes:)`` writes it). Read
    /// byte by byte: a GB day has hundreds of thousands of rows, and the demo and `settle diff`
    /// read two of them per run.
    public static func volumes(_ bytes: [UInt8]) -> [Volume] {
        var volumes: [Volume] = []
        bytes.withUnsafeBufferPointer { buffer in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(12)
            var lineStart = 0
            var header = true
            for index in 0...buffer.count where index == buffer.count || buffer[index] == UInt8(ascii: "\n") {
                defer { lineStart = index + 1 }
                guard !header else {
                    header = false
                    continue
                }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for position in lineStart..<index where buffer[position] == UInt8(ascii: ",") {
                    fields.append(fieldStart..<position)
                    fieldStart = position + 1
                }
                fields.append(fieldStart..<index)
                func text(_ field: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[fields[field]]), as: UTF8.self) }
                guard fields.count == 11, let period = Int(text(7)), let points = Int(text(10)) else { continue }
                volumes.append(
                    Volume(
                        group: text(1), supplier: text(2), bmUnit: text(3), ccc: text(4), component: text(5), direction: text(6),
                        period: period,
                        uncorrectedMilliWh: milliWh(text(8)), correctedMilliWh: milliWh(text(9)), meteringPoints: points))
            }
        }
        return volumes
    }

    /// `1.234567` kWh (the files' 6 decimals) as mWh; 0 when unreadable.
    public static func milliWh(_ text: String) -> Int64 {
        (try? DecimalText.parse(text, integerDigits: 12, fractionDigits: 6)) ?? 0
    }
}
