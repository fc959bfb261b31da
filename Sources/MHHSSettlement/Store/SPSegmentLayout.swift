import MHHSCore

/// The on-disk layout of an SP-data segment: every value of one settlement date and one GSP
/// group that one ingest (or one compaction) wrote, in columns, so the VAS scans plain arrays.
///
/// ```
/// header (128 bytes, little-endian)
///   0  magic "MHHSSPD1"          8  format version (UInt32)   12  period count (UInt32)
///   16 settlement date day number (Int64)                     24  GSP group index (UInt32)
///   32 row count (UInt64)        40  column offsets (7 × UInt64, see Column)
/// columns, each starting on a 64-byte boundary, rows sorted by (MPAN, MQ, version):
///   mpan Int64 · mq UInt8 (MeasurementQuantity.allCases index) · version Int64 (ingest
///   sequence) · present UInt64 (bit i: the row carries SP i+1) · estimated UInt64 (bit i: SP
///   i+1's quality is not actual) · values Int32[rows × periods] (Wh) · quality UInt8[rows ×
///   periods] (QualityCode, 0 = no value)
/// trailer: SHA-256 of everything before it (32 bytes)
/// ```
///
/// A row carries the periods one submission gave for that date (a UTC-day message covers two
/// local dates in BST); the latest version with a period's bit set wins for that period.
public enum SPSegmentLayout {
    public static let magic: [UInt8] = Array("MHHSSPD1".utf8)
    public static let formatVersion: UInt32 = 1
    public static let headerSize = 128
    public static let trailerSize = 32
    public static let alignment = 64

    public enum Column: Int, CaseIterable, Sendable {
        case mpan, mq, version, present, estimated, values, quality

        /// Bytes per row for a day of `periods` periods.
        func width(periods: Int) -> Int {
            switch self {
            case .mpan, .version, .present, .estimated: 8
            case .mq: 1
            case .values: 4 * periods
            case .quality: periods
            }
        }
    }

    /// Where each column starts for `rows` rows, and the total size with the trailer.
    public static func offsets(rows: Int, periods: Int) -> (columns: [Int], size: Int) {
        var offset = headerSize
        var columns: [Int] = []
        for column in Column.allCases {
            columns.append(offset)
            offset += column.width(periods: periods) * rows
            offset = (offset + alignment - 1) / alignment * alignment
        }
        return (columns, offset + trailerSize)
    }
}

/// A segment file that does not have the layout above.
public struct SPSegmentError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "SP-data segment \(file): \(reason)" }
}
