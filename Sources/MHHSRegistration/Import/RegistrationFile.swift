import Foundation
import MHHSCore

/// Reads a registration CSV file row by row into assertions: the header first, then each row
/// validated (``RegistrationCSVImporter``), and no MPAN with the same effective date twice.
public enum RegistrationFile {
    /// The (MPAN, effective date) pairs seen, to refuse a row that repeats another.
    struct RowKey: Hashable {
        let mpan: Int64
        let effectiveFrom: Int
    }

    /// Calls `store` for each row's assertion; the first bad row throws a
    /// ``RegistrationCSVImporter/RowError`` naming it.
    public static func read(
        _ url: URL,
        recordedAt: UTCInstant,
        progress: (Int64, Int64) -> Void = { _, _ in },
        store: (RegisterAssertion) throws -> Void
    ) throws {
        var importer: RegistrationCSVImporter?
        var seen: [RowKey: Int] = [:]
        try LineReader.forEachLine(in: url, progress: progress) { line, number in
            guard !line.isEmpty else { return }
            guard let fields = LineReader.csvFields(line) else {
                throw RegistrationCSVImporter.RowError(row: number, column: nil, error: .malformed("unterminated quoted field"))
            }
            guard let reader = importer else {
                importer = try RegistrationCSVImporter(header: fields, recordedAt: recordedAt, source: "import \(url.lastPathComponent)")
                return
            }
            let assertion = try reader.assertion(fields: fields, row: number)
            let key = RowKey(mpan: assertion.mpan.value, effectiveFrom: assertion.effectiveFrom.dayNumber)
            if let earlier = seen.updateValue(number, forKey: key) {
                throw RegistrationCSVImporter.RowError(
                    row: number, column: "mpan",
                    error: .duplicate("MPAN \(assertion.mpan) effective \(assertion.effectiveFrom) repeats row \(earlier)"))
            }
            try store(assertion)
        }
        guard importer != nil else {
            throw RegistrationCSVImporter.RowError(row: 1, column: nil, error: .missing("the file has no header"))
        }
    }
}
