import GRDB
import GRDBSQLite

/// Raw reads from a stepped SQLite statement, for scans where GRDB's `Row` (one boxed value
/// per column) would cost more than the work itself.
struct SQLiteColumns {
    let statement: SQLiteStatement

    @inline(__always)
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    @inline(__always)
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    /// The column's text bytes, valid until the next step; empty for NULL.
    @inline(__always)
    func bytes(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(statement, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, index)))
    }
}

/// Interns short texts (up to 16 bytes) read from SQLite into small integer codes without
/// building a `String` for values seen before: the bytes are packed into two words as the key.
struct ShortTextCache {
    private struct Key: Hashable {
        let low: UInt64
        let high: UInt64
    }

    // Most columns hold a handful of distinct values: a short linear scan beats hashing.
    private var recentKeys: [Key] = []
    private var recentCodes: [Int32] = []
    private var codes: [Key: Int32] = [:]
    private static let linearLimit = 32

    /// The code for `bytes`: cached, or `resolve(text)` once per distinct text. NULL → `-1`.
    @inline(__always)
    mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, resolve: (String) throws -> Int32) rethrows -> Int32 {
        guard bytes.count > 0 else { return -1 }
        guard bytes.count <= 15 else { return try resolve(String(decoding: bytes, as: UTF8.self)) }
        var low: UInt64 = 0
        var high: UInt64 = UInt64(bytes.count) << 56
        for index in 0..<bytes.count {
            if index < 8 {
                low |= UInt64(bytes[index]) << (8 * UInt64(index))
            } else {
                high |= UInt64(bytes[index]) << (8 * UInt64(index - 8))
            }
        }
        let key = Key(low: low, high: high)
        for index in recentKeys.indices where recentKeys[index] == key { return recentCodes[index] }
        if let code = codes[key] { return code }
        let code = try resolve(String(decoding: bytes, as: UTF8.self))
        if recentKeys.count < Self.linearLimit {
            recentKeys.append(key)
            recentCodes.append(code)
        } else {
            codes[key] = code
        }
        return code
    }
}
