import AsyncHTTPClient
import MHHSCore
import MHHSHub
import NIOCore
import NIOHTTP1

/// Pushes batches to webhooks with AsyncHTTPClient, as `DIPMessageEgressArray` JSON.
public struct HTTPWebhookTransport: WebhookTransport {
    public let client: HTTPClient
    public let timeoutSeconds: Int64

    public init(client: HTTPClient = .shared, timeoutSeconds: Int64 = 30) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    public func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(timeoutSeconds))
        _ = try? await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 201 || response.status.code == 207 || response.status.code == 200 else {
            throw WebhookRejected(status: Int(response.status.code))
        }
    }
}
