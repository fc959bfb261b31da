import MHHSCore

/// Turns rows of a registration CSV into register assertions, one full-state assertion per row
/// effective from its `effective_from`.
///
/// Each row is validated on its own (formats, codes, the MPAN's check digit, its distributor's
/// GSP group and LDSO, the data and metering service roles against the segment and
/// arrangement) and every failure names the row and column. Whether the whole file is kept is
/// the caller's transaction: the CLI keeps all or nothing.
public struct RegistrationCSVImporter: Sendable {
    /// A rejected row or header, naming where.
    public struct RowError: Error, Equatable, Sendable, CustomStringConvertible {
        public let row: Int
        public let column: String?
        public let error: RegistrationError

        public init(row: Int, column: String?, error: RegistrationError) {
            self.row = row
            self.column = column
            self.error = error
        }

        public var description: String {
            "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(error)"
        }
    }

    /// The field position of each column, by ``RegistrationCSVColumn/ordinal``; -1 when absent.
    private let positions: [Int]
    private let columnCount: Int
    public let recordedAt: UTCInstant
    public let source: String

    /// Reads the header row (row 1): every required column present, no unknown or repeated one.
    public init(header: [String], recordedAt: UTCInstant, source: String) throws(RowError) {
        var index: [RegistrationCSVColumn: Int] = [:]
        for (position, name) in header.enumerated() {
            let trimmed = name.trimmingSpaces
            guard let column = RegistrationCSVColumn(rawValue: trimmed) else {
                throw RowError(row: 1, column: trimmed, error: .malformed("unknown column '\(trimmed)'"))
            }
            guard index[column] == nil else {
                throw RowError(row: 1, column: trimmed, error: .duplicate("column '\(trimmed)' appears twice"))
            }
            index[column] = position
        }
        for column in RegistrationCSVColumn.required where index[column] == nil {
            throw RowError(row: 1, column: column.rawValue, error: .missing("the header has no column '\(column.rawValue)'"))
        }
        var positions = Array(repeating: -1, count: RegistrationCSVColumn.allCases.count)
        for (column, position) in index { positions[column.ordinal] = position }
        self.positions = positions
        self.columnCount = header.count
        self.recordedAt = recordedAt
        self.source = source
    }

    /// Validates one data row and returns its assertion.
    public func assertion(fields: [String], row: Int) throws(RowError) -> RegisterAssertion {
        guard fields.count == columnCount else {
            throw RowError(row: row, column: nil, error: .malformed("has \(fields.count) fields; the header has \(columnCount)"))
        }
        let reader = RegistrationRowReader(fields: fields, positions: positions, row: row)
        return try reader.assertion(recordedAt: recordedAt, source: source)
    }
}
