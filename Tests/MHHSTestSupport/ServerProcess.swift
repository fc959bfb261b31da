import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `mhhs serve` as a child process, for tests that use the server as a user would (and kill it).
public final class ServerProcess: @unchecked Sendable {
    // @unchecked: the process and pipe are set up in init and only read afterwards.
    public let process: Process
    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts `mhhs serve --port 0 …` and waits for its "listening on" line.
    public init(arguments: [String], timeoutSeconds: Double = 60) throws {
        process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["serve", "--port", "0", "--log-level", "error"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        var text = ""
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = handle.availableData
            if chunk.isEmpty { break }  // end of output: the server has gone
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) })
            {
                found = port
            }
        }
        guard let found else {
            process.terminate()
            throw ServerDidNotStart(output: text)
        }
        port = found
    }

    /// SIGTERM and wait: a clean shutdown.
    public func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: the crash.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill() } }
}

public struct ServerDidNotStart: Error, CustomStringConvertible {
    public let output: String
    public var description: String { "mhhs serve did not report a port; it printed: \(output)" }
}

/// Plain HTTP calls for tests, with Foundation's client.
public enum TestHTTP {
    public static func call(
        _ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> (status: Int, text: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
