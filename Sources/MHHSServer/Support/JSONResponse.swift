import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses with a JSON body or a plain-text problem.
enum JSONResponse {
    static func bytes(_ status: Int, _ body: [UInt8]) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func encoded(_ status: Int, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return bytes(status, Array(try encoder.encode(value)))
    }

    /// A failure the caller can act on: `{"error": "<what>"}` with the status.
    static func problem(_ status: Int, _ message: String) -> Response {
        (try? encoded(status, ["error": message])) ?? Response(status: HTTPResponse.Status(code: status))
    }
}
