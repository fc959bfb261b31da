import GRDB
import GRDBSQLite

/// Raw parameter binding for hot inserts: GRDB's `StatementArguments` boxes every value, which
/// costs more than SQLite's own insert for a 30-column row.
struct SQLiteBinder {
    let statement: SQLiteStatement
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    @inline(__always)
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    @inline(__always)
    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    @inline(__always)
    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    @inline(__always)
    func bind(_ index: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            _ = sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    /// Steps an insert once and resets it; throws the SQLite error otherwise.
    func execute(_ db: Database) throws {
        let status = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard status == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
