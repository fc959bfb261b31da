import ArgumentParser
import Foundation
import MHHSCore
import MHHSStandingData
import MHHSStorage

/// `mhhs standing-data …`: Market Domain Data and line loss factors.
struct StandingDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standing-data",
        abstract: "Import and inspect standing data (MDD tables, D0265 line loss factors).",
        subcommands: [Import.self]
    )

    /// `mhhs standing-data import --mdd DIR --llf FILE…`
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import MDD CSV tables and D0265 LLF files (plain or .zip); all or nothing.")

        @Option(help: "A folder of MDD CSV tables (e.g. mdd-377).")
        var mdd: String?

        @Option(parsing: .upToNextOption, help: "D0265 line-loss-factor files, plain or zipped.")
        var llf: [String] = []

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard mdd != nil || !llf.isEmpty else { throw ValidationError("give --mdd DIR, --llf FILE… or both") }
            for path in llf where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("no such LLF file: \(path)")
            }
        }

        func run() async throws {
            // Parse and validate the MDD before touching the database, so a bad table writes nothing.
            let marketData = try mdd.map { try MarketDomainDataImporter.load(directory: URL(fileURLWithPath: $0)) }
            try await store.withStandingData { repository in try await importAll(marketData, into: repository) }
        }

        private func importAll(_ marketData: MarketDomainData?, into repository: any StandingDataRepository) async throws {
            if !llf.isEmpty {
                try await importLLFs(into: repository)
            }
            if let marketData {
                try await repository.replaceMarketDomainData(marketData)
                print("MDD version \(marketData.version):")
                for (table, rows) in marketData.rowCounts {
                    print("  \(table.padding(toLength: 36, withPad: " ", startingAt: 0)) \(rows) rows")
                }
            }
            let coverage = try await repository.lineLossFactorCoverage()
            if !coverage.isEmpty {
                print("Line loss factors stored:")
                for entry in coverage {
                    print(
                        "  \(entry.distributor): \(entry.llfClasses) classes, \(entry.days) class-days, \(entry.firstDate) to \(entry.lastDate)"
                    )
                }
            }
        }

        /// Every file in one transaction: a malformed file leaves the database as it was.
        func importLLFs(into repository: any StandingDataRepository) async throws {
            try await repository.importLineLossFactors(source: llf.joined(separator: ",")) { store in
                for path in llf {
                    let url = URL(fileURLWithPath: path)
                    var bar = ProgressBar(label: url.lastPathComponent)
                    let started = ContinuousClock.now
                    let summary: D0265Parser.Summary
                    do {
                        summary = try D0265Reader.read(url, progress: { bar.update(done: $0.bytesRead, total: $0.totalBytes) }, emit: store)
                    } catch {
                        bar.finish("rejected")
                        throw ImportFailure(file: path, underlying: error)
                    }
                    let seconds = (ContinuousClock.now - started).seconds
                    bar.finish(
                        "\(summary.header.distributor), \(summary.records) records, \(summary.days) days × classes, "
                            + "\(summary.llfClasses) classes, \(summary.firstDate.map(\.description) ?? "-") to "
                            + "\(summary.lastDate.map(\.description) ?? "-") (\(Int(Double(summary.records) / max(seconds, 1e-9))) lines/s)"
                    )
                }
            }
        }
    }
}

/// A failed import naming the file; nothing of the import was kept.
struct ImportFailure: Error, CustomStringConvertible {
    let file: String
    let underlying: any Error

    var description: String { "\(file): \(underlying) — nothing was imported" }
}
