import Foundation
import MHHSTestSupport
import Synchronization
import Testing

/// The hub as a new user meets it: `mhhs serve`, `mhhs participants add`, `mhhs hub send/pull`,
/// over a real socket; and a crash in the middle of a load.
@Suite("Hub through the CLI", .serialized)
struct HubCLITests {
    static let consumptionFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../MHHSHubTests/Fixtures/dip/IF-021-ActivePower.json").standardized
    static let reference = "S-IF-021-1401234567-SDS-20261103-0001"

    /// Registers the market's participants; returns their API keys by DIP id.
    static func addParticipants(_ data: String) throws -> [String: String] {
        var keys: [String: String] = [:]
        for (id, mpid, role) in [
            ("1401234567", "SDSA", "SDS"), ("5000000001", "ELXM", "MDS"), ("5000000002", "ELXL", "LSS"), ("3000000001", "SUPA", "SUP"),
        ] {
            let added = try CLIRunner.run(["participants", "add", "--dip-id", id, "--mpid", mpid, "--role", role, "--data-dir", data])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.lines.first == "\(id) \(mpid) \(role)")
            keys[id] = added.lines.last { $0.hasPrefix("mhhs_") }
            #expect(keys[id] != nil, "no API key printed")
        }
        return keys
    }

    /// The golden IF-021 with another sender reference.
    static func consumption(reference: String) throws -> String {
        try String(contentsOf: consumptionFile, encoding: .utf8).replacingOccurrences(of: Self.reference, with: reference)
    }

    @Test("serve; add two participants; send (201), again (MSG1006), malformed (400), no key (401), as another (403); pull")
    func newUser() async throws {
        let data = CLIRunner.temporaryDataDirectory().path
        let keys = try Self.addParticipants(data)
        let server = try ServerProcess(arguments: ["--data-dir", data])
        #expect(try await TestHTTP.call("GET", server.url + "/health").text == "ok")
        let send = ["hub", "send", Self.consumptionFile.path, "--url", server.url, "--api-key", keys["1401234567"]!]

        let first = try CLIRunner.run(send)
        #expect(first.status == 0 && first.lines.first == "HTTP 201", "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("MSG0000 - Success"))
        let again = try CLIRunner.run(send)
        #expect(again.status == 1 && again.stdout.contains("MSG1006"))

        let malformedFile = FileManager.default.temporaryDirectory.appendingPathComponent("if021-bad-\(UUID().uuidString).json")
        try Self.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0002").replacingOccurrences(
            of: "\"q\": \"A\"", with: "\"q\": \"Z\""
        )
        .write(to: malformedFile, atomically: true, encoding: .utf8)
        let malformed = try CLIRunner.run(["hub", "send", malformedFile.path, "--url", server.url, "--api-key", keys["1401234567"]!])
        #expect(malformed.lines.first == "HTTP 400" && malformed.stdout.contains("MSG1001") && malformed.stdout.contains(".q"))

        let body = Data(try Self.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0003").utf8)
        #expect(try await TestHTTP.call("POST", server.url + "/dip-channel/IF-021", body: body).status == 401)
        let forged = try await TestHTTP.call(
            "POST", server.url + "/dip-channel/IF-021", headers: ["X-API-Key": keys["3000000001"]!], body: body)
        #expect(forged.status == 403)

        let pull = ["hub", "pull", "--participant", "5000000001", "--url", server.url, "--api-key", keys["5000000001"]!]
        let pulled = try CLIRunner.run(pull + ["--ack"])
        #expect(pulled.status == 0 && pulled.lines.count == 1 && pulled.stdout.contains("\"transactionID\":\"T-IF-021-1401234567-SDS-"))
        #expect(try CLIRunner.run(pull).lines.isEmpty)
        let foreign = try CLIRunner.run([
            "hub", "pull", "--participant", "5000000002", "--url", server.url, "--api-key", keys["5000000001"]!,
        ])
        #expect(foreign.status == 1 && foreign.stdout.contains("403"))
        #expect(server.stop() == 0)
    }

    @Test("SIGKILL in the middle of a load: every message answered 201 is delivered after the restart, once")
    func crashSafety() async throws {
        let data = CLIRunner.temporaryDataDirectory().path
        let keys = try Self.addParticipants(data)
        let file = try Self.consumption(reference: "REFERENCE")
        let template = String(file[file.firstIndex(of: "{")!...file.lastIndex(of: "}")!])  // the one message, without the array
        let server = try ServerProcess(arguments: ["--data-dir", data])
        let url = server.url
        let sds = keys["1401234567"]!

        // Four clients post batches of 10 until the server dies; each keeps the transaction ids
        // of the messages the hub acknowledged.
        let progress = AcknowledgedCount()
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<4 {
                group.addTask {
                    var accepted: [String] = []
                    for batch in 0..<10_000 {
                        let messages = (0..<10).map {
                            template.replacingOccurrences(
                                of: "REFERENCE", with: "S-IF-021-1401234567-SDS-20261103-c\(client)b\(batch)m\($0)")
                        }
                        let body = "[" + messages.joined(separator: ",") + "]"
                        guard
                            let (status, text) = try? await TestHTTP.call(
                                "POST", url + "/dip-channel/IF-021", headers: ["X-API-Key": sds, "Content-Type": "application/json"],
                                body: Data(body.utf8))
                        else { break }
                        guard status == 201 else { break }
                        accepted += text.components(separatedBy: "\"transactionID\":\"").dropFirst().map {
                            String($0.prefix { $0 != "\"" })
                        }
                    }
                    return accepted
                }
            }
            group.addTask {
                // Kill once a good load has been acknowledged (or after 20 s on a slow machine).
                let deadline = Date().addingTimeInterval(20)
                while progress.value.withLock({ $0 }) < 300, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
                server.kill()
                return []
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(acknowledged.count >= 300, "the load was running when the server died")

        let restarted = try ServerProcess(arguments: ["--data-dir", data])
        var delivered: [String] = []
        while true {
            let pulled = try CLIRunner.run(
                [
                    "hub", "pull", "--participant", "5000000001", "--limit", "1000", "--ack", "--url", restarted.url, "--api-key",
                    keys["5000000001"]!,
                ])
            #expect(pulled.status == 0, "\(pulled.stderr)")
            if pulled.lines.isEmpty { break }
            delivered += pulled.lines.map { line in
                String(line.components(separatedBy: "\"transactionID\":\"")[1].prefix { $0 != "\"" })
            }
        }
        #expect(Set(delivered).count == delivered.count, "no message delivered twice")
        let missing = Set(acknowledged).subtracting(delivered)
        #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged messages were lost")
        print("crash test: \(acknowledged.count) acknowledged before SIGKILL, \(delivered.count) delivered after restart")
        #expect(restarted.stop() == 0)
    }
}

/// How many messages the crash test's clients have had acknowledged so far.
final class AcknowledgedCount: Sendable {
    let value = Mutex(0)
}
