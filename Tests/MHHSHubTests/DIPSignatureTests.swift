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
import _CryptoExtras

/// Participants who register a public key must sign every call (DOMAIN.md §10).
@Suite("DIP signatures")
struct DIPSignatureTests {
    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    static func headers(for body: [UInt8], path: String, date: String, apiKey: String, key: _RSA.Signing.PrivateKey = key) throws
        -> HTTPFields
    {
        let hash = DIPSignature.contentHash(of: body)
        let signature = try key.signature(
            for: Data(DIPSignature.signedText(path: path, date: date, contentHash: hash).utf8), padding: .insecurePKCS1v1_5)
        return [
            HTTPField.Name("X-API-Key")!: apiKey, HTTPField.Name("X-DIP-Signature")!: signature.rawRepresentation.base64EncodedString(),
            HTTPField.Name("X-DIP-Signature-Date")!: date, HTTPField.Name("X-DIP-Content-Hash")!: hash, .contentType: "application/json",
        ]
    }

    @Test("a signed call is accepted; a changed body, a stale date, another key or no signature are 401")
    func verification() async throws {
        let fixture = try await HubFixture(signingKeys: [HubFixture.dataService.dipID: Self.key.publicKey.pemRepresentation])
        let app = Application(router: fixture.server.router())
        let apiKey = fixture.key(HubFixture.dataService)
        let body = HubFixture.body(try HubFixture.consumption())
        let now = DIPDateTime(HubFixture.now).text
        try await app.test(.router) { client in
            func post(_ headers: HTTPFields, _ payload: [UInt8] = body) async throws -> (Int, String) {
                try await client.execute(uri: "/dip-channel/IF-021", method: .post, headers: headers, body: ByteBuffer(bytes: payload)) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            let unsigned = try await post([HTTPField.Name("X-API-Key")!: apiKey])
            #expect(unsigned.0 == 401 && unsigned.1.contains("X-DIP-Signature"))

            var tampered = body
            tampered[tampered.count - 3] = UInt8(ascii: " ")
            let changed = try await post(try Self.headers(for: body, path: "/dip-channel/IF-021", date: now, apiKey: apiKey), tampered)
            #expect(changed.0 == 401 && changed.1.contains("Content-Hash"))

            let stale = try await post(
                try Self.headers(for: body, path: "/dip-channel/IF-021", date: "2026-11-03T01:00:00+00:00", apiKey: apiKey))
            #expect(stale.0 == 401)

            let otherKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let forged = try await post(try Self.headers(for: body, path: "/dip-channel/IF-021", date: now, apiKey: apiKey, key: otherKey))
            #expect(forged.0 == 401 && forged.1.contains("does not verify"))

            let otherPath = try await post(try Self.headers(for: body, path: "/dip-channel/IF-013", date: now, apiKey: apiKey))
            #expect(otherPath.0 == 401)

            let signed = try await post(try Self.headers(for: body, path: "/dip-channel/IF-021", date: now, apiKey: apiKey))
            #expect(signed.0 == 201)
        }
        #expect(try await fixture.store.pending(for: HubFixture.mds.dipID, limit: 10).count == 1)
    }
}
