import Crypto
import Foundation
import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import NIOCore

/// The MDS's inbound endpoint, `POST /mds/inbound/:token`: where the hub pushes the IF-021s it
/// publishes to the MDS (register the MDS participant's webhook as this URL). The body is the
/// hub's push, a JSON array of published messages; each push is one ingest (one SP-data
/// version). The MDS's refusals go back through the hub as IF-014s, sent as the MDS
/// participant.
///
/// [A] The hub's pushes carry no credentials, so the URL carries a secret token (compared in
/// constant time); `mhhs serve --mds-token` sets it.
public struct MDSContext: Sendable {
    public let receiver: MDSReceiver
    /// SHA-256 of the token.
    let tokenDigest: [UInt8]
    let hub: HubContext
    let logger: Logger

    public init(receiver: MDSReceiver, token: String, hub: HubContext, logger: Logger) {
        self.receiver = receiver
        self.tokenDigest = Array(SHA256.hash(data: Array(token.utf8)))
        self.hub = hub
        self.logger = logger
    }
}

public enum MDSRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, mds: MDSContext) {
        router.post("/mds/inbound/:token") { request, context in
            await HubRoutes.guarded(mds.hub) { try await receive(request, context: context, mds: mds) }
        }
    }

    static func receive(_ request: Request, context: some RequestContext, mds: MDSContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard Array(SHA256.hash(data: Array(token.utf8))) == mds.tokenDigest else { return JSONResponse.problem(401, "unknown token") }
        let body = try await request.body.collect(upTo: mds.hub.maximumBodyBytes)
        let now = mds.hub.clock()
        let receipt: MDSReceiver.Receipt
        do {
            receipt = try await mds.receiver.receive(Array(body.readableBytesView), at: now)
        } catch let failure as JSONParser.Failure {
            return JSONResponse.problem(400, failure.description)
        } catch let held as LockHeld {
            // Another ingest held the store past the wait: the hub pushes this again later.
            return JSONResponse.problem(503, "\(held)")
        }
        let outcome = receipt.outcome
        // The data is stored: a failure to hand the IF-014s to the hub is logged, not answered
        // as an error (the hub would push the same data again).
        var refusals = 0
        do {
            refusals = try await sendRejections(outcome, version: receipt.version, mds: mds, at: now)
        } catch {
            mds.logger.error("IF-014s not sent", metadata: ["error": "\(error)", "version": "\(receipt.version)"])
        }
        return JSONResponse.bytes(
            201,
            JSONWriter.bytes(
                .object([
                    "version": .number(String(receipt.version)), "messages": .number(String(outcome.messages)),
                    "acceptedValues": .number(String(outcome.acceptedValues)), "refusals": .number(String(outcome.rejections.count)),
                    "rejectionMessages": .number(String(refusals)),
                ])))
    }

    /// Submits one IF-014 per refused message to the hub as the MDS participant; returns how
    /// many were accepted. Without an MDS participant there is nobody to send as: logged.
    static func sendRejections(_ outcome: MDSIngest.Outcome, version: Int64, mds: MDSContext, at now: UTCInstant) async throws -> Int {
        guard !outcome.refusedSubmissions.isEmpty else { return 0 }
        guard let sender = try await mds.hub.store.hubParticipants().first(where: { $0.participant.role == .marketwideDataService }) else {
            mds.logger.warning("no MDS participant: IF-014s not sent", metadata: ["refused": "\(outcome.refusedSubmissions.count)"])
            return 0
        }
        let messages = outcome.rejectionMessages(
            sender: ReportSender(dipID: sender.participant.dipID.value, environmentTag: "PRD"), at: now, version: version)
        var accepted = 0
        for start in stride(from: 0, to: messages.count, by: 1_000) {
            let batch = Array(messages[start..<min(start + 1_000, messages.count)])
            let reply = try await mds.hub.ingress.submit(channel: "IF-014", body: JSONWriter.bytes(.array(batch)), from: sender, now: now)
            accepted += reply.codes.filter { $0 == .success }.count
        }
        return accepted
    }
}
