/// A small RFC 4180 CSV reader: quoted fields, doubled quotes inside them, CRLF or LF.
///
/// Market Domain Data files quote every field; the reader also takes unquoted ones. It keeps
/// line numbers so import errors can name the row.
public struct CSVReader: Sendable {
    /// One parsed record with the 1-based line it started on.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public let rows: [Row]

    /// Parses the whole text; an unterminated quote is an error naming its line.
    public init(text: String) throws(CSVError) {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var quoteLine = 0
        var bytes = Array(text.utf8).makeIterator()
        var pending: UInt8? = nil
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while let byte = pending ?? bytes.next() {
            pending = nil
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    let next = bytes.next()
                    if next == UInt8(ascii: "\"") { field.append(byte) } else { inQuotes = false; pending = next }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quoteLine = line
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                rowStart = line
            default:
                field.append(byte)
            }
        }
        guard !inQuotes else { throw CSVError(line: quoteLine, message: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            rows.append(Row(line: rowStart, fields: fields))
        }
        self.rows = rows
    }
}

/// A CSV syntax error at a line.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}
