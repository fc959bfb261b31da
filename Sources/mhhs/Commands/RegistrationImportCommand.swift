import ArgumentParser
import Foundation
import MHHSCore
import MHHSRegistration
import MHHSStorage

/// `mhhs registration import FILE.csv`: bulk load for the initial load and migration cut-over.
struct RegistrationImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load registrations from CSV (header in docs/REGISTRATION.md); all or nothing per file.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The recording instant (YYYY-MM-DD or a DIP date-time); default now.")
    var recordedAt: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no such file: \(file)") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let instant = try recordedAt.map(parseInstant) ?? SystemClock.now
        try await store.withRegister { repository in
            let before = try await repository.meteringPointCount()
            let started = ContinuousClock.now
            let rows: Int
            do {
                rows = try await repository.recordAll { store in
                    var bar = ProgressBar(label: url.lastPathComponent)
                    try RegistrationFile.read(url, recordedAt: instant, progress: { bar.update(done: $0, total: $1) }, store: store)
                }
            } catch {
                ProgressBar(label: url.lastPathComponent).finish("rejected")
                throw ImportFailure(file: file, underlying: error)
            }
            let seconds = (ContinuousClock.now - started).seconds
            let after = try await repository.meteringPointCount()
            ProgressBar(label: url.lastPathComponent).finish(
                "\(rows) rows in \(String(format: "%.1f", seconds)) s (\(Int(Double(rows) / max(seconds, 1e-9))) rows/s)")
            print("Imported \(rows) registrations recorded at \(instant): \(after - before) new metering points, \(after) in the register")
        }
    }
}
