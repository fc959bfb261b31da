import MHHSCore

/// Reads typed fields of one MDD row, turning every failure into an ``MDDError`` that names
/// the file, line and column.
struct MDDRowReader {
    let file: String
    let header: [String]
    let row: CSVReader.Row

    func text(_ column: Int) -> String { row.fields[column] }

    func optionalText(_ column: Int) -> String? {
        let value = row.fields[column]
        return value.isEmpty ? nil : value
    }

    func required(_ column: Int) throws(MDDError) -> String {
        guard let value = optionalText(column) else { throw fail(column, "is empty") }
        return value
    }

    func mpid(_ column: Int) throws(MDDError) -> MPID {
        do { return try MPID(text(column)) } catch { throw fail(column, error.description) }
    }

    func integer(_ column: Int, in range: ClosedRange<Int>) throws(MDDError) -> Int {
        guard let value = Int(text(column)), range.contains(value) else {
            throw fail(column, "'\(text(column))' is not a whole number in \(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    func flag(_ column: Int, trueValue: String, falseValue: String) throws(MDDError) -> Bool {
        switch text(column) {
        case trueValue: return true
        case falseValue: return false
        default: throw fail(column, "'\(text(column))' is neither '\(trueValue)' nor '\(falseValue)'")
        }
    }

    /// MDD dates are `DD/MM/YYYY`.
    func date(_ column: Int) throws(MDDError) -> SettlementDate {
        let value = text(column)
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { throw fail(column, "'\(value)' is not a date DD/MM/YYYY") }
        do { return try SettlementDate(year: year, month: month, day: day) } catch {
            throw fail(column, error.description)
        }
    }

    func optionalDate(_ column: Int) throws(MDDError) -> SettlementDate? {
        optionalText(column) == nil ? nil : try date(column)
    }

    func effective(from: Int, to: Int) throws(MDDError) -> EffectivePeriod {
        let period = EffectivePeriod(from: try date(from), to: try optionalDate(to))
        if let end = period.to, end < period.from {
            throw fail(to, "effective-to \(end) is before effective-from \(period.from)")
        }
        return period
    }

    /// `HH:MM` as minutes after midnight, `24:00` allowed as the end of the day.
    func minuteOfDay(_ column: Int) throws(MDDError) -> Int {
        let value = text(column)
        let parts = value.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), minute < 60, hour * 60 + minute <= 1_440
        else { throw fail(column, "'\(value)' is not a time HH:MM") }
        return hour * 60 + minute
    }

    func fail(_ column: Int, _ message: String) -> MDDError {
        MDDError(file: file, line: row.line, column: header[column], message: message)
    }
}
