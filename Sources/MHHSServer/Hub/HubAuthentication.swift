import HTTPTypes
import Hummingbird
import MHHSCore
import MHHSHub
import MHHSMessages
import NIOCore

extension HTTPField.Name {
    static let apiKey = HTTPField.Name("X-API-Key")!
    static let dipSignature = HTTPField.Name("X-DIP-Signature")!
    static let dipSignatureDate = HTTPField.Name("X-DIP-Signature-Date")!
    static let dipContentHash = HTTPField.Name("X-DIP-Content-Hash")!
}

/// Why a call is refused before its content is looked at.
struct AccessDenied: Error {
    let status: Int
    let message: String

    var response: Response { JSONResponse.problem(status, message) }
}

extension HubContext {
    /// The caller: the participant whose `X-API-Key` the request carries (401 without one, or
    /// with a key the hub does not know), and, when it registered a signing key, whose DIP
    /// signature over the method, path and body verifies (401 otherwise). The key is checked
    /// before the body is read, so an anonymous caller cannot make the hub buffer a body.
    func authenticate(_ request: Request, readingBodyUpTo limit: Int? = nil) async throws -> (HubParticipant, ByteBuffer) {
        guard let key = request.headers[.apiKey], !key.isEmpty else {
            throw AccessDenied(status: 401, message: "X-API-Key header is required")
        }
        let now = clock()
        guard let participant = try await participants.authenticate(apiKey: key, now: now) else {
            throw AccessDenied(status: 401, message: "X-API-Key is not a key this hub issued")
        }
        var body = ByteBuffer()
        if let limit { body = try await request.body.collect(upTo: limit) }
        if let pem = participant.signingKeyPEM {
            let headers = DIPSignature.Headers(
                signature: request.headers[.dipSignature], date: request.headers[.dipSignatureDate],
                contentHash: request.headers[.dipContentHash])
            do throws(DIPSignature.Failure) {
                try DIPSignature.verify(
                    headers, method: request.method.rawValue, path: request.uri.path, body: Array(body.readableBytesView),
                    publicKeyPEM: pem,
                    now: now)
            } catch {
                throw AccessDenied(status: 401, message: error.description)
            }
        }
        return (participant, body)
    }

    /// The request's path parameter `recipient-id` must be the caller.
    func requireSelf(_ recipient: String, _ caller: HubParticipant) throws {
        guard recipient == caller.participant.dipID.value else {
            throw AccessDenied(
                status: 403, message: "participant \(caller.participant.dipID) may only use its own queue, not \(recipient)'s")
        }
    }
}
