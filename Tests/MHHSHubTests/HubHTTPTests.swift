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

/// The hub through its HTTP interface, as a participant meets it (no sockets: the router).
@Suite("Hub over HTTP")
struct HubHTTPTests {
    static func post(
        _ client: some TestClientProtocol, _ channel: String, key: String?, _ body: [UInt8]
    ) async throws -> (status: Int, response: StandardResponse?, text: String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let key { headers[HTTPField.Name("X-API-Key")!] = key }
        return try await client.execute(uri: "/dip-channel/\(channel)", method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
            response in
            let text = String(buffer: response.body)
            return (Int(response.status.code), try? JSONDecoder().decode(StandardResponse.self, from: Data(text.utf8)), text)
        }
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, key: String) async throws -> (status: Int, text: String) {
        try await client.execute(uri: uri, method: .get, headers: [HTTPField.Name("X-API-Key")!: key]) { response in
            (Int(response.status.code), String(buffer: response.body))
        }
    }

    static func queue(_ client: some TestClientProtocol, _ fixture: HubFixture, _ participant: Participant) async throws -> [JSONValue] {
        let (status, text) = try await get(client, "/hub/queue?limit=100", key: fixture.key(participant))
        #expect(status == 200)
        guard case .array(let messages) = try JSONParser.parse(text) else { return [] }
        return messages
    }

    @Test("a new user's first session: 201, duplicate MSG1006, malformed 400, no key 401, impersonation 403")
    func firstSession() async throws {
        let fixture = try await HubFixture()
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get) { String(buffer: $0.body) }
            #expect(health == "ok")

            let sds = fixture.key(HubFixture.dataService)
            let message = try HubFixture.consumption()
            let first = try await Self.post(client, "IF-021", key: sds, HubFixture.body(message))
            #expect(first.status == 201)
            let entry = try #require(first.response?.messageArray.first)
            #expect(entry.message == "MSG0000 - Success")
            #expect(entry.transactionID?.hasPrefix("T-IF-021-1401234567-SDS-20261103-") == true)
            #expect(entry.senderID == "0000000000" && entry.recipientID == "1401234567")

            let again = try await Self.post(client, "IF-021", key: sds, HubFixture.body(message))
            #expect(again.status == 400)
            #expect(again.response?.messageArray.first?.code == .senderReferenceDuplicated)
            #expect(again.response?.messageArray.first?.help?.contains(entry.transactionID!) == true)

            let malformed = message.setting(["payload", "CommonBlock", "M0", "MPANCore"], to: .string("20000565359"))
                .setting(["payload", "CommonBlock", "S1", "senderUniqueReference"], to: .string("S-IF-021-1401234567-SDS-20261103-0002"))
            let bad = try await Self.post(client, "IF-021", key: sds, HubFixture.body(malformed))
            #expect(bad.status == 400)
            #expect(bad.response?.messageArray.first?.code == .schemaFailure)
            #expect(bad.response?.messageArray.first?.help?.contains("MPANCore") == true)

            let anonymous = try await Self.post(client, "IF-021", key: nil, HubFixture.body(message))
            #expect(anonymous.status == 401)
            let wrongKey = try await Self.post(client, "IF-021", key: "mhhs_" + String(repeating: "0", count: 64), HubFixture.body(message))
            #expect(wrongKey.status == 401)

            let forged = try await Self.post(client, "IF-021", key: fixture.key(HubFixture.supplier), HubFixture.body(message))
            #expect(forged.status == 403)
            #expect(forged.text.contains("1401234567"))

            // Delivered once to each recipient, however often it was sent.
            for recipient in [HubFixture.mds, HubFixture.lss, HubFixture.supplier, HubFixture.distributor] {
                let queued = try await Self.queue(client, fixture, recipient)
                #expect(queued.count == 1, "\(recipient.role) has \(queued.count)")
            }
            #expect(try await Self.queue(client, fixture, HubFixture.otherSupplier).isEmpty)
        }
    }

    @Test("routing: A0 and D0 as published, the supplier on the message's date from the register")
    func routing() async throws {
        let fixture = try await HubFixture()
        // A retrospective change of supplier recorded before the message: SUPB from 2026-11-01.
        try await fixture.register.record([HubFixture.registration(supplier: "SUPB", effective: "2026-11-01", recorded: "2026-11-02")])
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let sent = try await Self.post(
                client, "IF-021", key: fixture.key(HubFixture.dataService), HubFixture.body(try HubFixture.consumption()))
            #expect(sent.status == 201)
            #expect(try await Self.queue(client, fixture, HubFixture.supplier).isEmpty)
            let received = try #require(try await Self.queue(client, fixture, HubFixture.otherSupplier).first)
            let common = try #require(received["payload"]?["CommonBlock"])
            #expect(common["A0"]?["secondaryRecipients"] == ["2000000000", "3000000002"])
            #expect(common["A0"]?["always"] == ["5000000002", "5000000001"])  // LSS, MDS
            #expect(common["D0"]?["transactionID"]?.stringValue == sent.response?.messageArray.first?.transactionID)
            #expect(common["D0"]?["publicationID"] == "PUB-021")
            #expect(common["D0"]?["replayIndicator"] == false)
            #expect(common["D0"]?["transactionTimestamp"] == "2026-11-03T02:00:00+00:00")
            #expect(HubServer.specificationValidator(received) == nil, "the published message still meets the specification")
        }
    }

    @Test("per-message answers: a batch with good and bad messages is 207, in order")
    func mixedBatch() async throws {
        let fixture = try await HubFixture()
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let good = try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0010")
            let wrongChannel = try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0011")
                .setting(["payload", "CommonBlock", "S0", "interfaceID"], to: "IF-013")
            let future = try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0012")
                .setting(["payload", "CommonBlock", "S1", "senderTimestamp"], to: "2026-11-04T02:00:00+00:00")
            let twice = try HubFixture.consumption(reference: "S-IF-021-1401234567-SDS-20261103-0010")
            let reply = try await Self.post(
                client, "IF-021", key: fixture.key(HubFixture.dataService), HubFixture.body(good, wrongChannel, future, twice))
            #expect(reply.status == 207)
            #expect(
                reply.response?.messageArray.map(\.code) == [.success, .schemaFailure, .senderTimestampInvalid, .senderReferenceDuplicated])
        }
    }

    @Test("a role that may not send on the channel gets MSG1010; an unknown channel MSG1002; an unknown primary recipient MSG1031")
    func senderRolesAndRecipients() async throws {
        let fixture = try await HubFixture(validate: { _ in nil })
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let asSupplier = try HubFixture.consumption()
                .setting(["payload", "CommonBlock", "S1", "senderDIPID"], to: "3000000001")
                .setting(["payload", "CommonBlock", "S1", "senderRoleID"], to: "SUP")
            let role = try await Self.post(client, "IF-021", key: fixture.key(HubFixture.supplier), HubFixture.body(asSupplier))
            #expect(role.response?.messageArray.first?.code == .senderRoleInvalid)
            let channel = try await Self.post(
                client, "IF-999", key: fixture.key(HubFixture.dataService), HubFixture.body(try HubFixture.consumption()))
            #expect(channel.status == 400 && channel.response?.messageArray.first?.code == .interfaceIDInvalid)
            let addressed = try HubFixture.consumption()
                .setting(
                    ["payload", "CommonBlock", "A0"], to: ["primaryRecipients": ["9999999999"], "secondaryRecipients": [], "always": []])
            let unknown = try await Self.post(client, "IF-021", key: fixture.key(HubFixture.dataService), HubFixture.body(addressed))
            #expect(unknown.response?.messageArray.first?.code == .primaryRecipientInvalid)
            let notJSON = try await Self.post(client, "IF-021", key: fixture.key(HubFixture.dataService), Array("[{".utf8))
            #expect(notJSON.status == 400 && notJSON.response?.messageArray.first?.help?.contains("byte 2") == true)
        }
    }

    @Test("webhook configuration: set and cleared by the participant; a replaced key cannot write it back")
    func webhookConfiguration() async throws {
        let fixture = try await HubFixture()
        let app = Application(router: fixture.server.router())
        let oldKey = fixture.key(HubFixture.mds)
        try await app.test(.router) { client in
            func configure(_ key: String, _ method: HTTPRequest.Method, _ recipient: String = "5000000001") async throws -> Int {
                try await client.execute(
                    uri: "/dip-channel/IF-021/pubconfig/\(recipient)", method: method, headers: [HTTPField.Name("X-API-Key")!: key],
                    body: ByteBuffer(string: #"{"callbackURL": "https://mds.example/in"}"#)
                ) { Int($0.status.code) }
            }
            #expect(try await configure(oldKey, .post) == 201)
            #expect(try await fixture.store.participant(apiKeyHash: APIKey.hash(oldKey))?.webhookURL == "https://mds.example/in")
            #expect(try await configure(oldKey, .post, "5000000002") == 403)
            #expect(try await configure(oldKey, .delete) == 204)
            #expect(try await fixture.store.participant(apiKeyHash: APIKey.hash(oldKey))?.webhookURL == nil)
            // The operator issues a new key: the old one can change nothing any more.
            try await fixture.store.save(HubParticipant(participant: HubFixture.mds, apiKeyHash: APIKey.hash("new key")))
            #expect(try await configure(oldKey, .post) == 401)
            #expect(try await fixture.store.participant(apiKeyHash: APIKey.hash("new key"))?.webhookURL == nil)
        }
    }

    @Test("pull, ack, status, replay: a participant reads only its own queue")
    func pullAckReplay() async throws {
        let fixture = try await HubFixture()
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let sent = try await Self.post(
                client, "IF-021", key: fixture.key(HubFixture.dataService), HubFixture.body(try HubFixture.consumption()))
            let transaction = try #require(sent.response?.messageArray.first?.transactionID)
            let mds = fixture.key(HubFixture.mds)
            #expect(try await Self.queue(client, fixture, HubFixture.mds).count == 1)
            let someoneElse = try await Self.get(client, "/hub/queue?participant=3000000001", key: mds)
            #expect(someoneElse.status == 403)

            let ack = try await client.execute(
                uri: "/hub/queue/ack", method: .post, headers: [HTTPField.Name("X-API-Key")!: mds],
                body: ByteBuffer(string: #"{"transactionIDs": ["\#(transaction)"]}"#)
            ) { String(buffer: $0.body) }
            #expect(ack.contains("\"acknowledged\":1"))
            #expect(try await Self.queue(client, fixture, HubFixture.mds).isEmpty)

            let status = try await Self.get(client, "/hub/status/\(transaction)", key: mds)
            #expect(status.status == 200)
            let recipients = try JSONDecoder().decode(TransactionStatus.self, from: Data(status.text.utf8)).recipients
            #expect(recipients.first { $0.recipient == "5000000001" }?.delivered == true)
            #expect(recipients.first { $0.recipient == "5000000002" }?.delivered == false)
            let stranger = try await Self.get(client, "/hub/status/\(transaction)", key: fixture.key(HubFixture.otherSupplier))
            #expect(stranger.status == 404)

            let replayed = try await client.execute(
                uri: "/dip-channel/IF-021/replay/5000000001", method: .post, headers: [HTTPField.Name("X-API-Key")!: mds],
                body: ByteBuffer(string: #"{"datetimeFrom": "2026-11-03T00:00:00+00:00", "datetimeTo": "2026-11-03T23:59:59+00:00"}"#)
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(replayed.0 == 200)
            guard case .array(let messages) = try JSONParser.parse(replayed.1) else { Issue.record("not an array"); return }
            #expect(messages.count == 1)
            #expect(messages.first?["payload"]?["CommonBlock"]?["D0"]?["replayIndicator"] == true)
            let foreignReplay = try await client.execute(
                uri: "/dip-channel/IF-021/replay/5000000002", method: .post, headers: [HTTPField.Name("X-API-Key")!: mds],
                body: ByteBuffer(string: #"{"datetimeFrom": "2026-11-03T00:00:00+00:00", "datetimeTo": "2026-11-03T23:59:59+00:00"}"#)
            ) { Int($0.status.code) }
            #expect(foreignReplay == 403)
        }
    }
}
