import ArgumentParser
import AsyncHTTPClient
import Foundation
import MHHSHub
import MHHSMessages
import NIOCore
import NIOHTTP1
import _CryptoExtras

/// `mhhs hub send|pull|status`: a participant's side of the hub, over HTTP.
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Talk to a running hub as a participant: send messages, pull your queue, ask a transaction's status.",
        subcommands: [Send.self, Pull.self, Status.self]
    )

    struct Connection: ParsableArguments {
        @Option(help: "The hub's base URL.")
        var url: String = "http://127.0.0.1:8080"

        @Option(help: "Your API key (default: the MHHS_API_KEY environment variable).")
        var apiKey: String?

        @Option(help: "A PEM file with your RSA private key, to sign calls (needed when you registered a public key).")
        var signingKey: String?

        func key() throws -> String {
            guard let key = apiKey ?? ProcessInfo.processInfo.environment["MHHS_API_KEY"], !key.isEmpty else {
                throw ValidationError("give --api-key or set MHHS_API_KEY")
            }
            return key
        }

        /// Performs one call and returns (status, body).
        func call(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil) async throws -> (Int, String) {
            try await HubClient(url: url, apiKey: try key(), signingKey: signingKey).call(method, path, body: body)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post the messages of a JSON file (an array, or one message) to their channel; prints the hub's answer.")

        @Argument(help: "The message file.")
        var file: String

        @Option(help: "The channel (IF-nnn); default: S0.interfaceID of the first message.")
        var channel: String?

        @OptionGroup var connection: Connection

        func run() async throws {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            var value = try JSONParser.parse(bytes)
            if case .object = value { value = .array([value]) }
            guard case .array(let messages) = value,
                let interface = channel ?? messages.first?["payload"]?["CommonBlock"]?["S0"]?["interfaceID"]?.stringValue
            else { throw ValidationError("\(file) holds no DIP message; give --channel to post it anyway") }
            let (status, answer) = try await connection.call(.POST, "/dip-channel/\(interface)", body: JSONWriter.bytes(value))
            print("HTTP \(status)")
            print(answer)
            if status >= 400 { throw ExitCode(1) }
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print your queued messages, oldest first, one JSON message a line; --ack takes them off the queue.")

        @Option(help: "Your 10-digit DIP participant id (the hub refuses another's queue).")
        var participant: String

        @Option(help: "The most messages to take.")
        var limit: Int = 100

        @Flag(help: "Acknowledge the printed messages so they are not offered again.")
        var ack = false

        @OptionGroup var connection: Connection

        func run() async throws {
            let (status, answer) = try await connection.call(.GET, "/hub/queue?participant=\(participant)&limit=\(limit)")
            guard status == 200, case .array(let messages) = try JSONParser.parse(answer) else {
                print("HTTP \(status)")
                print(answer)
                throw ExitCode(1)
            }
            for message in messages { print(JSONWriter.string(message)) }
            let ids = messages.compactMap { $0["payload"]?["CommonBlock"]?["D0"]?["transactionID"]?.stringValue }
            if ack, !ids.isEmpty {
                let body = JSONWriter.bytes(.object(["transactionIDs": .array(ids.map(JSONValue.string))]))
                let (ackStatus, ackAnswer) = try await connection.call(.POST, "/hub/queue/ack", body: body)
                guard ackStatus == 200 else {
                    FileHandle.standardError.write(Data("ack failed: HTTP \(ackStatus) \(ackAnswer)\n".utf8))
                    throw ExitCode(1)
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a transaction's delivery to each recipient.")

        @Argument(help: "The transaction id (T-…).")
        var transaction: String

        @OptionGroup var connection: Connection

        func run() async throws {
            let (status, answer) = try await connection.call(.GET, "/hub/status/\(transaction)")
            print(answer)
            if status != 200 { throw ExitCode(1) }
        }
    }
}
