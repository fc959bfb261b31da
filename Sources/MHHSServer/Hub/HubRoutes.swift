import Foundation
import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import Metrics
import NIOCore

/// The hub's HTTP interface: the specification's `/dip-channel` endpoints, plus pull, ack and
/// status for participants without a webhook (docs/HUB.md).
public enum HubRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, hub: HubContext) {
        router.get("/health") { _, _ in "ok" }
        router.post("/dip-channel/:id") { request, context in
            try await guarded(hub) { try await submit(request, context: context, hub: hub) }
        }
        router.get("/hub/queue") { request, _ in
            try await guarded(hub) { try await pull(request, hub: hub) }
        }
        router.post("/hub/queue/ack") { request, _ in
            try await guarded(hub) { try await acknowledge(request, hub: hub) }
        }
        router.get("/hub/status/:transaction") { request, context in
            try await guarded(hub) { try await status(request, context: context, hub: hub) }
        }
        router.post("/dip-channel/:id/replay/:recipient") { request, context in
            try await guarded(hub) { try await replay(request, context: context, hub: hub) }
        }
        router.post("/dip-channel/:id/pubconfig/:recipient") { request, context in
            try await guarded(hub) { try await configureWebhook(request, context: context, hub: hub, remove: false) }
        }
        router.delete("/dip-channel/:id/pubconfig/:recipient") { request, context in
            try await guarded(hub) { try await configureWebhook(request, context: context, hub: hub, remove: true) }
        }
    }

    /// Maps every failure to a response: refusals to their status, oversized bodies to 413,
    /// anything else to a logged 500 that does not echo the error.
    static func guarded(_ hub: HubContext, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let denied as AccessDenied {
            return denied.response
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return JSONResponse.problem(413, "the body is larger than \(hub.maximumBodyBytes) bytes")
        } catch let error as HTTPError {
            return JSONResponse.problem(Int(error.status.code), error.body ?? "\(error.status)")
        } catch {
            hub.logger.error("hub request failed", metadata: ["error": "\(error)"])
            return JSONResponse.problem(500, "internal error")
        }
    }

    static func submit(_ request: Request, context: some RequestContext, hub: HubContext) async throws -> Response {
        let channel = try context.parameters.require("id")
        let (caller, body) = try await hub.authenticate(request, readingBodyUpTo: hub.maximumBodyBytes)
        let reply = try await hub.ingress.submit(channel: channel, body: body.readableBytesView, from: caller, now: hub.clock())
        guard let response = reply.response else { return JSONResponse.problem(reply.status, reply.problem ?? "") }
        return try JSONResponse.encoded(reply.status, response)
    }

    static func pull(_ request: Request, hub: HubContext) async throws -> Response {
        let (caller, _) = try await hub.authenticate(request)
        if let participant = request.uri.queryParameters["participant"] { try hub.requireSelf(String(participant), caller) }
        let limit = min(max(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 100, 1), 1_000)
        let deliveries = try await hub.store.pending(for: caller.participant.dipID, limit: limit)
        return JSONResponse.bytes(200, deliveries.isEmpty ? Array("[]".utf8) : try EgressMessage.array(deliveries))
    }

    struct Acknowledgement: Codable {
        let transactionIDs: [String]
    }

    static func acknowledge(_ request: Request, hub: HubContext) async throws -> Response {
        let (caller, body) = try await hub.authenticate(request, readingBodyUpTo: 1 << 17)
        guard let ack = try? JSONDecoder().decode(Acknowledgement.self, from: Data(body.readableBytesView)),
            ack.transactionIDs.count <= 1_000
        else {
            return JSONResponse.problem(400, "the body must be {\"transactionIDs\": [\"T-…\", …]} with at most 1,000 ids")
        }
        var sequences: [Int64] = []
        for id in ack.transactionIDs {
            guard let sequence = sequence(of: id) else {
                return JSONResponse.problem(400, "\(id.prefix(70)) is not a transaction id of this hub")
            }
            sequences.append(sequence)
        }
        let count = try await hub.store.acknowledge(sequences, for: caller.participant.dipID, at: hub.clock())
        Counter(label: "mhhs_hub_messages_delivered_total", dimensions: [("via", "pull")]).increment(by: count)
        return try JSONResponse.encoded(200, ["acknowledged": count])
    }

    /// The hub's sequence: the last 16 hex digits of its transaction ids.
    static func sequence(of transactionID: String) -> Int64? {
        guard transactionID.hasPrefix("T-"), let last = transactionID.split(separator: "-").last, last.count == 16 else { return nil }
        return UInt64(last, radix: 16).map { Int64(bitPattern: $0) }
    }

    static func status(_ request: Request, context: some RequestContext, hub: HubContext) async throws -> Response {
        let (caller, _) = try await hub.authenticate(request)
        let transaction = try context.parameters.require("transaction")
        let me = caller.participant.dipID.value
        guard let status = try await hub.store.status(of: transaction),
            status.sender == me || status.recipients.contains(where: { $0.recipient == me })
        else { return JSONResponse.problem(404, "no transaction \(transaction.prefix(70)) sent by or to \(me)") }
        // Why a push to someone else failed is theirs to know (it can reveal their endpoint).
        return try JSONResponse.encoded(200, status.visible(to: me))
    }

    /// The specification's `MessageRequest`; only the time range is required here [A].
    struct ReplayRequest: Codable {
        let datetimeFrom: String
        let datetimeTo: String
    }

    static func replay(_ request: Request, context: some RequestContext, hub: HubContext) async throws -> Response {
        let (caller, body) = try await hub.authenticate(request, readingBodyUpTo: 1 << 16)
        try hub.requireSelf(try context.parameters.require("recipient"), caller)
        let channel = try context.parameters.require("id")
        guard let range = try? JSONDecoder().decode(ReplayRequest.self, from: Data(body.readableBytesView)),
            let from = try? DIPDateTime(range.datetimeFrom), let to = try? DIPDateTime(range.datetimeTo)
        else {
            return JSONResponse.problem(400, "the body must be {\"datetimeFrom\": …, \"datetimeTo\": …} with 25-character DIP date-times")
        }
        let deliveries = try await hub.store.replay(
            for: caller.participant.dipID, from: from.instant, to: to.instant, interfaceID: channel, limit: 10_000)
        return JSONResponse.bytes(200, deliveries.isEmpty ? Array("[]".utf8) : try EgressMessage.array(deliveries, replay: true))
    }

    struct WebhookConfig: Codable {
        let callbackURL: String
    }

    /// Sets (or removes) where the caller's messages are pushed. One webhook serves all of a
    /// participant's channels [A]; the channel in the path is accepted for the specification's form.
    static func configureWebhook(_ request: Request, context: some RequestContext, hub: HubContext, remove: Bool) async throws
        -> Response
    {
        let (caller, body) = try await hub.authenticate(request, readingBodyUpTo: 1 << 16)
        try hub.requireSelf(try context.parameters.require("recipient"), caller)
        var webhook: String?
        if !remove {
            guard let config = try? JSONDecoder().decode(WebhookConfig.self, from: Data(body.readableBytesView)),
                config.callbackURL.count <= 250, let url = URL(string: config.callbackURL), ["http", "https"].contains(url.scheme ?? ""),
                url.host != nil
            else { return JSONResponse.problem(400, "the body must be {\"callbackURL\": \"https://…\"} (at most 250 characters)") }
            webhook = config.callbackURL
        }
        // Only the webhook changes, and only while the key used is still the participant's: a
        // cached, since-replaced record is never written back.
        guard let hash = caller.apiKeyHash, try await hub.store.setWebhook(webhook, for: caller.participant.dipID, apiKeyHash: hash) else {
            throw AccessDenied(status: 401, message: "X-API-Key is no longer this participant's key")
        }
        try await hub.participants.reload(now: hub.clock())
        return Response(status: remove ? .noContent : .created)
    }
}
