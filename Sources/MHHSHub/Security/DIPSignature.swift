import Crypto
import Foundation
import MHHSCore
import _CryptoExtras

/// The DIP's request signature: RSA-SHA256 (PKCS#1 v1.5) over
/// `POST;<url>;<X-DIP-Signature-Date>;<X-DIP-Content-Hash>`, where the content hash is the
/// base64 SHA-256 of the body (DOMAIN.md §10). Other methods sign their own name in place of
/// `POST` (with the hash of an empty body for GET) [A], so a signed POST cannot be replayed as a
/// DELETE.
///
/// `<url>` is the request path as the hub receives it (`/dip-channel/IF-021`) [A]: behind a
/// proxy the external URL is not knowable, and the path is what both ends agree on.
public enum DIPSignature {
    public struct Headers: Sendable {
        public var signature: String?
        public var date: String?
        public var contentHash: String?

        public init(signature: String?, date: String?, contentHash: String?) {
            self.signature = signature
            self.date = date
            self.contentHash = contentHash
        }
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case missingHeader(String)
        case contentHashMismatch
        case dateOutOfWindow
        case badKey
        case badSignature

        public var description: String {
            switch self {
            case .missingHeader(let name): "RCP9999 - Message Signature Invalid: header \(name) is missing"
            case .contentHashMismatch: "RCP9999 - Message Signature Invalid: X-DIP-Content-Hash is not the SHA-256 of the body"
            case .dateOutOfWindow: "RCP9999 - Message Signature Invalid: X-DIP-Signature-Date is more than 5 minutes from the hub's clock"
            case .badKey: "RCP9999 - Message Signature Invalid: the participant's registered public key cannot be read"
            case .badSignature: "RCP9999 - Message Signature Invalid: the signature does not verify"
            }
        }
    }

    /// How far the signature date may be from the hub's clock, either way.
    public static let allowedSkewSeconds: Int64 = 300

    public static func contentHash(of body: some DataProtocol) -> String { Data(SHA256.hash(data: body)).base64EncodedString() }

    public static func signedText(method: String = "POST", path: String, date: String, contentHash: String) -> String {
        "\(method);\(path);\(date);\(contentHash)"
    }

    /// Throws unless the headers prove the body came from the holder of `publicKeyPEM`.
    public static func verify(
        _ headers: Headers, method: String = "POST", path: String, body: some DataProtocol, publicKeyPEM: String, now: UTCInstant
    ) throws(Failure) {
        guard let signature = headers.signature else { throw .missingHeader("X-DIP-Signature") }
        guard let date = headers.date else { throw .missingHeader("X-DIP-Signature-Date") }
        guard let hash = headers.contentHash else { throw .missingHeader("X-DIP-Content-Hash") }
        guard hash == contentHash(of: body) else { throw .contentHashMismatch }
        guard let instant = try? DIPDateTime(date).instant,
            abs(instant.secondsSinceEpoch - now.secondsSinceEpoch) <= allowedSkewSeconds
        else { throw .dateOutOfWindow }
        guard let key = try? _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM) else { throw .badKey }
        guard let raw = Data(base64Encoded: signature),
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: raw),
                for: Data(signedText(method: method, path: path, date: date, contentHash: hash).utf8),
                padding: .insecurePKCS1v1_5)
        else { throw .badSignature }
    }
}
