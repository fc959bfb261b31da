import Crypto
import MHHSCore

/// A read-only view of one segment's bytes (see ``SPSegmentLayout``): memory-mapped from a file
/// by the embedded store, or held in memory (built by PostgreSQL's reader or by tests).
public final class SPSegment: @unchecked Sendable {
    // @unchecked: the bytes never change after init, and `release` runs once in deinit.
    public let settlementDate: SettlementDate
    public let gspGroup: GSPGroup
    public let periodCount: Int
    public let rowCount: Int
    public let base: UnsafeRawPointer
    public let byteCount: Int
    private let columnOffsets: [Int]
    private let release: @Sendable (UnsafeRawPointer, Int) -> Void

    /// Wraps bytes that hold a segment, checking the header and sizes (not the digest: see
    /// ``verifyDigest()``). `release` frees them when the segment goes away.
    public init(
        base: UnsafeRawPointer, byteCount: Int, name: String,
        release: @escaping @Sendable (UnsafeRawPointer, Int) -> Void
    ) throws(SPSegmentError) {
        func fail(_ reason: String) -> SPSegmentError { SPSegmentError(file: name, reason: reason) }
        guard byteCount >= SPSegmentLayout.headerSize + SPSegmentLayout.trailerSize else {
            release(base, byteCount)
            throw fail("too short")
        }
        let header = UnsafeRawBufferPointer(start: base, count: SPSegmentLayout.headerSize)
        guard Array(header[0..<8]) == SPSegmentLayout.magic,
            header.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == SPSegmentLayout.formatVersion
        else {
            release(base, byteCount)
            throw fail("not a segment of format \(SPSegmentLayout.formatVersion)")
        }
        let periods = Int(header.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        let day = Int(header.loadUnaligned(fromByteOffset: 16, as: Int64.self))
        let groupIndex = Int(header.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
        let rows = Int(header.loadUnaligned(fromByteOffset: 32, as: UInt64.self))
        let date = SettlementDate(dayNumber: day)
        let layout = SPSegmentLayout.offsets(rows: rows, periods: periods)
        guard periods == date.periodCount, GSPGroup.allCases.indices.contains(groupIndex), layout.size == byteCount else {
            release(base, byteCount)
            throw fail("header does not match the file (periods \(periods), group \(groupIndex), rows \(rows))")
        }
        self.settlementDate = date
        self.gspGroup = GSPGroup.allCases[groupIndex]
        self.periodCount = periods
        self.rowCount = rows
        self.base = base
        self.byteCount = byteCount
        self.columnOffsets = layout.columns
        self.release = release
    }

    /// A segment over a copy of `bytes`.
    public convenience init(bytes: [UInt8], name: String = "memory") throws(SPSegmentError) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: SPSegmentLayout.alignment)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        try self.init(base: UnsafeRawPointer(memory), byteCount: bytes.count, name: name) { pointer, _ in
            UnsafeMutableRawPointer(mutating: pointer).deallocate()
        }
    }

    deinit { release(base, byteCount) }

    private func column<T>(_ column: SPSegmentLayout.Column, _: T.Type, perRow: Int = 1) -> UnsafeBufferPointer<T> {
        let pointer = (base + columnOffsets[column.rawValue]).assumingMemoryBound(to: T.self)
        return UnsafeBufferPointer(start: pointer, count: rowCount * perRow)
    }

    public var mpans: UnsafeBufferPointer<Int64> { column(.mpan, Int64.self) }
    public var quantities: UnsafeBufferPointer<UInt8> { column(.mq, UInt8.self) }
    public var versions: UnsafeBufferPointer<Int64> { column(.version, Int64.self) }
    public var present: UnsafeBufferPointer<UInt64> { column(.present, UInt64.self) }
    public var estimated: UnsafeBufferPointer<UInt64> { column(.estimated, UInt64.self) }
    /// Row-major: row r's periods are `values[r * periodCount ..< (r + 1) * periodCount]`.
    public var values: UnsafeBufferPointer<Int32> { column(.values, Int32.self, perRow: periodCount) }
    public var quality: UnsafeBufferPointer<UInt8> { column(.quality, UInt8.self, perRow: periodCount) }

    /// The SHA-256 the writer stored in the trailer.
    public var storedDigest: [UInt8] {
        Array(UnsafeRawBufferPointer(start: base + byteCount - SPSegmentLayout.trailerSize, count: 32))
    }

    /// Recomputes the digest over the content and compares it with the trailer.
    public func verifyDigest() -> Bool {
        let content = UnsafeRawBufferPointer(start: base, count: byteCount - SPSegmentLayout.trailerSize)
        return Array(SHA256.hash(data: content)) == storedDigest
    }
}
