import AsyncHTTPClient
import MHHSCore
import MHHSHub
import NIOCore
import NIOHTTP1

/// Pushes batches to webhooks with AsyncHTTPClient, as `DIPMessageEgressArray` JSON.
///
/// Redirects are not followed: a webhook is the address the participant registered, not
/// wherever it points the hub next. Which addresses may be registered at all (no loopback or
/// private ranges, https only) is the deployment's egress policy [A] (docs/HUB.md).
public struct HTTPWebhookTransport: WebhookTransport {
    public let client: HTTPClient
    public let timeoutSeconds: Int64

    public init(client: HTTPClient, timeoutSeconds: Int64 = 30) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    /// A client for webhooks: no redirects.
    public static func makeClient() -> HTTPClient {
        HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    public func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws -> WebhookReceipt {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(timeoutSeconds))
        let answer = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
        switch response.status.code {
        case 200, 201: return .all
        case 207: return .partial(answer)
        default: throw WebhookRejected(status: Int(response.status.code))
        }
    }
}
