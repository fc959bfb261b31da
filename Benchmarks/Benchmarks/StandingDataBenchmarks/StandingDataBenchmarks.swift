import Benchmark
import Foundation
import MHHSCore
import MHHSStandingData

/// The real LOND 2026 D0265 file beside the project (`../shared/reference/llf`), or the file
/// named by `MHHS_D0265_FILE`.
private func d0265File() -> URL? {
    if let path = ProcessInfo.processInfo.environment["MHHS_D0265_FILE"] { return URL(fileURLWithPath: path) }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("shared/reference/llf/llflond20260401ptf.zip")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(20))

    // Parse the whole file from memory: the parser alone, no disk and no database. Throughput
    // is files per second; multiply by 2,969,079 for lines per second.
    if let file = d0265File() {
        Benchmark("D0265 parse LOND 2026 (2.97 M lines)", configuration: .init(maxIterations: 10)) { (benchmark: Benchmark, text: Data) in
            var days = 0
            for _ in benchmark.scaledIterations {
                var parser = D0265Parser()
                try text.withUnsafeBytes { try parser.consume($0) { _ in days += 1 } }
                blackHole(try parser.finish { _ in days += 1 })
            }
            blackHole(days)
        } setup: {
            var text = Data()
            if file.pathExtension == "zip" {
                let unzip = Process()
                unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
                unzip.arguments = ["-p", file.path]
                let pipe = Pipe()
                unzip.standardOutput = pipe
                try unzip.run()
                text = pipe.fileHandleForReading.readDataToEndOfFile()
                unzip.waitUntilExit()
            } else {
                text = try Data(contentsOf: file)
            }
            return text
        }
    }

    Benchmark("MPAN parse and check digit (1 M cores)") { benchmark in
        let cores = (0..<1_000).map { try! MPAN(distributor: DistributorID(10 + $0 % 14), uniqueNumber: Int64($0) * 7_919).description }
        for _ in benchmark.scaledIterations {
            for _ in 0..<1_000 {
                for core in cores { blackHole(try MPAN(core)) }
            }
        }
    }

    Benchmark("UTC day → local periods (10 years of days)") { benchmark in
        for _ in benchmark.scaledIterations {
            for dayNumber in 20_000..<23_650 { blackHole(UTCDay(dayNumber: dayNumber).localPeriods) }
        }
    }
}
