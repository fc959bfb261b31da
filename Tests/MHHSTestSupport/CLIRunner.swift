import Foundation
import Testing

/// Runs the built `mhhs` executable as a user would, capturing its output.
public enum CLIRunner {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String

        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The `mhhs` binary beside the test bundle in the build folder.
    public static var executable: URL {
        var folder = Bundle.main.bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("mhhs")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mhhs")
    }

    public static func run(_ arguments: [String]) throws -> Result {
        try runTool(executable.path, arguments)
    }

    /// Runs any program (e.g. `psql`) and captures its output.
    public static func runTool(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh, empty data folder under the temporary directory.
    public static func temporaryDataDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-cli-\(UUID().uuidString)")
    }

    /// Runs `body` with the URL of a fresh PostgreSQL database on `DATABASE_URL`'s server,
    /// dropped afterwards (psql, so the CLI under test opens it itself).
    public static func withPostgresDatabase(_ body: (String) throws -> Void) throws {
        let server = try #require(PostgresTestDatabase.url)
        let name = "mhhs_cli_\(UUID().uuidString.prefix(8).lowercased())"
        let created = try runTool("/usr/bin/psql", [server, "-q", "-c", "CREATE DATABASE \(name)"])
        try #require(created.status == 0, "\(created.stderr)")
        defer { _ = try? runTool("/usr/bin/psql", [server, "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        try body(server.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(name)", options: .regularExpression))
    }
}
