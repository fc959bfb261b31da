import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSServer
import MHHSStorage
import NIOCore
import Testing

/// Throws seeded mutations of real messages at ingress: the hub never crashes and never answers
/// 5xx, and every message gets a specific response code.
@Suite("Hub ingress fuzz")
struct HubFuzzTests {
    static let messagesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../MHHSMessagesTests/Fixtures/dip").standardized

    /// The seeds: the golden IF-021 and every REGS sample message.
    static func seeds() throws -> [JSONValue] {
        var seeds = [try HubFixture.consumption()]
        for file in try FileManager.default.contentsOfDirectory(atPath: messagesFolder.path).sorted() where file.hasSuffix(".json") {
            if case .array(let messages) = try JSONParser.parse(Array(try Data(contentsOf: messagesFolder.appendingPathComponent(file)))) {
                seeds += messages
            }
        }
        return seeds
    }

    struct Mutator {
        var random: SplitMix64

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        static let junk: [JSONValue] = [
            .null, .bool(true), .number("-1"), .number("1e999"), .number("0.0000001"), .string(""), .string("IF-021"),
            .string("2026-02-30T25:61:00+00:00"), .string(String(repeating: "9", count: 300)), .string("\u{0000}\u{FFFF}"),
            .string("[ActivePower]"), .string("S-IF-021-1401234567-SDS-20261103-x"), .array([]), .object([:]),
            .array([.null, .number("3")]), .string("😀"), .string("-0.001"),
        ]

        /// One structural change at a random place in the tree.
        mutating func mutate(_ value: JSONValue, depth: Int = 0) -> JSONValue {
            switch value {
            case .object(var members) where !members.isEmpty && (depth < 2 || chance(75)):
                let key = pick(members.keys.sorted())
                switch random.next() % 6 {
                case 0: members[key] = nil
                case 1: members[key] = pick(Self.junk)
                case 2: members[pick(["extra", "B999", "S9", key + "x"])] = pick(Self.junk)
                default: members[key] = mutate(members[key]!, depth: depth + 1)
                }
                return .object(members)
            case .array(var elements) where !elements.isEmpty && chance(80):
                let index = Int(random.next() % UInt64(elements.count))
                switch random.next() % 4 {
                case 0: elements.remove(at: index)
                case 1: elements.append(elements[index])
                default: elements[index] = mutate(elements[index], depth: depth + 1)
                }
                return .array(elements)
            case .string(let text) where chance(50) && !text.isEmpty:
                var scalars = Array(text.unicodeScalars)
                scalars[Int(random.next() % UInt64(scalars.count))] = pick(["X", "0", "-", " ", "é"])
                return .string(String(String.UnicodeScalarView(scalars)))
            default:
                return pick(Self.junk)
            }
        }

        /// Byte damage to a serialised body, for the parser.
        mutating func damage(_ bytes: [UInt8]) -> [UInt8] {
            var bytes = bytes
            switch random.next() % 4 {
            case 0: bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            case 1: bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            case 2:
                bytes.insert(
                    contentsOf: Array(pick(["{", "]", "\"", "\\u12", ",,", "[[[[[[[[[[", "\u{1}"]).utf8),
                    at: Int(random.next() % UInt64(bytes.count)))
            default: bytes = Array(repeating: UInt8(ascii: "["), count: 10_000)
            }
            return bytes
        }
    }

    @Test("10 000 mutated messages: no 5xx, every answer a specific code")
    func mutations() async throws {
        let fixture = try await HubFixture()
        let app = Application(router: fixture.server.router())
        let seeds = try Self.seeds()
        let key = fixture.key(HubFixture.dataService)
        let (sent, statuses, codes) = try await app.test(.router) { client in
            var mutator = Mutator(random: SplitMix64(seed: 2026_11_29))
            var sent = 0
            var statuses: [Int: Int] = [:]
            var codes: [DIPResponseCode: Int] = [:]
            var batchNumber = 0
            while sent < 10_000 {
                batchNumber += 1
                let count = 1 + Int(mutator.random.next() % 8)
                let seed = mutator.pick(seeds)
                let interface = seed["payload"]?["CommonBlock"]?["S0"]?["interfaceID"]?.stringValue ?? "IF-021"
                var batch: [JSONValue] = []
                for index in 0..<count {
                    // Fresh references, except now and then one reused from an earlier batch.
                    let reused = batchNumber > 1 && mutator.chance(5)
                    let reference =
                        reused ? "S-IF-021-1401234567-SDS-20261103-f1n0" : "S-IF-021-1401234567-SDS-20261103-f\(batchNumber)n\(index)"
                    var message = seed.setting(["payload", "CommonBlock", "S1", "senderUniqueReference"], to: .string(reference))
                    if mutator.chance(80) {
                        for _ in 0...(mutator.random.next() % 3) { message = mutator.mutate(message) }
                    }
                    // Mostly as the caller, so that the message reaches the per-message checks;
                    // sometimes as someone else, which must refuse the whole request.
                    if mutator.chance(95) {
                        message = message.setting(["payload", "CommonBlock", "S1", "senderDIPID"], to: "1401234567")
                            .setting(["payload", "CommonBlock", "S1", "senderRoleID"], to: "SDS")
                    }
                    batch.append(message)
                }
                var body = JSONWriter.bytes(.array(batch))
                let damaged = mutator.chance(10)
                if damaged { body = mutator.damage(body) }
                let channel = mutator.chance(90) ? interface : mutator.pick(["IF-021", "IF-013", "IF-9", "REP-003", "../x"])
                let (status, text) = try await client.execute(
                    uri: "/dip-channel/\(channel)", method: .post,
                    headers: [HTTPField.Name("X-API-Key")!: key, .contentType: "application/json"],
                    body: ByteBuffer(bytes: body)
                ) { (Int($0.status.code), String(buffer: $0.body)) }
                sent += count
                statuses[status, default: 0] += 1
                #expect(status < 500, "HTTP \(status): \(text.prefix(300))")
                #expect([201, 207, 400, 403, 404].contains(status), "unexpected HTTP \(status)")
                if [201, 207, 400].contains(status) {
                    let response = try JSONDecoder().decode(StandardResponse.self, from: Data(text.utf8))
                    for entry in response.messageArray {
                        let code = try #require(entry.code, "no response code in '\(entry.message)'")
                        codes[code, default: 0] += 1
                        if code != .success { #expect(entry.help?.isEmpty == false, "\(code) without help") }
                    }
                    if !damaged { #expect(response.messageArray.count == count) }
                } else if status == 403 {
                    #expect(text.contains("claims"))
                }
            }
            return (sent, statuses, codes)
        }
        #expect(sent >= 10_000)
        #expect(codes.count >= 5, "the mutations reach several distinct checks: \(codes)")
        #expect(codes[.success, default: 0] > 0 && codes[.schemaFailure, default: 0] > 0)
        print(
            "fuzz: \(sent) messages; HTTP \(statuses.sorted { $0.key < $1.key }); codes \(codes.sorted { $0.key.rawValue < $1.key.rawValue })"
        )
    }
}
