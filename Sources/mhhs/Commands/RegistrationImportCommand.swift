import ArgumentParser
import Foundation
import MHHSCore
import MHHSRegistration
import MHHSStorage

/// `mhhs registration import FILE.csv`: bulk load for the initial load and migration cut-over.
struct RegistrationImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load registrations from CSV (header in docs/REGISTRATION.md); all or nothing per file.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The recording instant (YYYY-MM-DD or a DIP date-time); default now.")
    var recordedAt: String?

    @OptionGroup var dataDirectory: DataDirectoryOptions

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no such file: \(file)") }
    }

    /// The (MPAN, effective date) pairs seen, to refuse a row that repeats another.
    struct RowKey: Hashable {
        let mpan: Int64
        let effectiveFrom: Int
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let instant = try recordedAt.map(parseInstant) ?? SystemClock.now
        let repository = SQLiteRegisterRepository(database: try dataDirectory.openDatabase())
        let before = try repository.meteringPointCount()
        var bar = ProgressBar(label: url.lastPathComponent)
        let started = ContinuousClock.now
        var rows = 0
        do {
            rows = try repository.recordAll { store in
                var importer: RegistrationCSVImporter?
                var seen: [RowKey: Int] = [:]
                try LineReader.forEachLine(in: url, progress: { bar.update(done: $0, total: $1) }) { line, number in
                    guard !line.isEmpty else { return }
                    guard let fields = LineReader.csvFields(line) else {
                        throw RegistrationCSVImporter.RowError(row: number, column: nil, error: .malformed("unterminated quoted field"))
                    }
                    guard let reader = importer else {
                        importer = try RegistrationCSVImporter(
                            header: fields, recordedAt: instant, source: "import \(url.lastPathComponent)")
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
        } catch {
            bar.finish("rejected")
            throw ImportFailure(file: file, underlying: error)
        }
        let seconds = (ContinuousClock.now - started).seconds
        let after = try repository.meteringPointCount()
        bar.finish("\(rows) rows in \(String(format: "%.1f", seconds)) s (\(Int(Double(rows) / max(seconds, 1e-9))) rows/s)")
        print("Imported \(rows) registrations recorded at \(instant): \(after - before) new metering points, \(after) in the register")
    }
}
