/// ClickHouse's RowBinary format: columns in table order, little-endian fixed-width values,
/// LEB128 lengths before strings and arrays, no row separators.
struct RowBinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func appendLength(_ count: Int) {
        var remaining = UInt64(count)
        repeat {
            let byte = UInt8(remaining & 0x7f)
            remaining >>= 7
            bytes.append(remaining == 0 ? byte : byte | 0x80)
        } while remaining != 0
    }

    mutating func appendArray<Integer: FixedWidthInteger>(_ values: UnsafeBufferPointer<Integer>) {
        appendLength(values.count)
        #if _endian(little)
            // Already RowBinary's byte order: one copy per array (the ingest's hot path).
            bytes.append(contentsOf: UnsafeRawBufferPointer(values))
        #else
            for value in values { append(value) }
        #endif
    }
}

/// Reads RowBinary results whose column types the query fixed.
struct RowBinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func read<Integer: FixedWidthInteger>(_: Integer.Type) throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard position + size <= bytes.count else { throw ClickHouseError.malformed("a RowBinary result ends inside a value") }
        var value: Integer = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + size]))
            }
        }
        position += size
        return Integer(littleEndian: value)
    }

    mutating func readLength() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw ClickHouseError.malformed("a RowBinary length is cut short") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return Int(result) }
            shift += 7
        }
    }

    mutating func readArray<Integer: FixedWidthInteger>(_: Integer.Type) throws -> [Integer] {
        let count = try readLength()
        var values: [Integer] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(Integer.self)) }
        return values
    }
}
