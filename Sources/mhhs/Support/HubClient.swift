import AsyncHTTPClient
import Foundation
import MHHSHub
import MHHSMessages
import NIOCore
import NIOHTTP1
import _CryptoExtras

/// One participant's HTTP calls to a running hub: the API key on every call and, when a key
/// file is given, the DIP signature headers.
struct HubClient: Sendable {
    let url: String
    let apiKey: String
    let signingKey: String?

    /// Performs one call and returns (status, body).
    func call(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)
        request.method = method
        request.headers.add(name: "X-API-Key", value: apiKey)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        if let signingKey {
            let headers = try sign(body ?? [], method: method.rawValue, path: String(path.prefix { $0 != "?" }), keyFile: signingKey)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let text = String(buffer: try await response.body.collect(upTo: 256 << 20))
        return (Int(response.status.code), text)
    }

    /// Posts messages to their channel in batches of at most 100 (the hub's limit); throws on the
    /// first batch the hub does not fully accept, saying which.
    func publish(_ messages: [JSONValue], channel: String) async throws -> Int {
        var accepted = 0
        for start in stride(from: 0, to: messages.count, by: 100) {
            let batch = Array(messages[start..<min(start + 100, messages.count)])
            let (status, answer) = try await call(.POST, "/dip-channel/\(channel)", body: JSONWriter.bytes(.array(batch)))
            guard status == 201 else { throw HubPublishError(channel: channel, status: status, answer: answer) }
            accepted += batch.count
        }
        return accepted
    }

    func sign(_ body: [UInt8], method: String, path: String, keyFile: String) throws -> [(String, String)] {
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: try String(contentsOfFile: keyFile, encoding: .utf8))
        let date = DIPDateTimeNow.text
        let hash = DIPSignature.contentHash(of: body)
        let signature = try key.signature(
            for: Data(DIPSignature.signedText(method: method, path: path, date: date, contentHash: hash).utf8), padding: .insecurePKCS1v1_5)
        return [
            ("X-DIP-Signature", signature.rawRepresentation.base64EncodedString()), ("X-DIP-Signature-Date", date),
            ("X-DIP-Content-Hash", hash), ("X-DIP-Signature-Certificate", "rsa-public-key"),
        ]
    }
}

struct HubPublishError: Error, CustomStringConvertible {
    let channel: String
    let status: Int
    let answer: String

    var description: String { "the hub did not accept the \(channel) messages (HTTP \(status)): \(answer.prefix(2000))" }
}
