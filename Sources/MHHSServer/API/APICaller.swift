import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages

/// Who is calling the REST API, and what that lets them see: operators everything (and only
/// they change anything), a supplier its own registrations, runs' rows and reports, an LDSO its
/// own area's.
public struct APICaller: Sendable, CustomStringConvertible {
    public let participant: Participant

    public var isOperator: Bool { participant.role == .centralOperator }
    public var description: String { "\(participant.dipID.value)/\(participant.mpid.value)/\(participant.role.rawValue)" }

    /// Whether the caller may see data about `supplier` and `distributor` (a point, a row).
    public func maySee(supplier: MPID?, distributor: MPID?) -> Bool {
        switch participant.role {
        case .centralOperator: true
        case .supplier: supplier == participant.mpid
        case .distributor: distributor == participant.mpid
        default: false
        }
    }
}

/// A refusal with its HTTP status: 401 (who are you?), 403 (not for you), 400 / 404.
struct APIRefusal: Error {
    let status: Int
    let message: String
}

extension APIContext {
    /// The caller by `X-API-Key` (the hub's participants and their keys; operators are
    /// participants with role `OPS`). 401 without a known key.
    func caller(_ request: Request) async throws -> APICaller {
        guard let key = request.headers[.apiKey], !key.isEmpty else {
            throw APIRefusal(status: 401, message: "X-API-Key header is required")
        }
        guard let participant = try await participants.authenticate(apiKey: key, now: clock()) else {
            throw APIRefusal(status: 401, message: "X-API-Key is not a key this server issued")
        }
        return APICaller(participant: participant.participant)
    }

    /// A 403, logged with who asked for what.
    func deny(_ caller: APICaller, _ request: Request, _ why: String) -> APIRefusal {
        logger.notice(
            "request denied",
            metadata: ["caller": "\(caller)", "method": "\(request.method)", "path": "\(request.uri.path)", "why": "\(why)"])
        metrics.denied()
        return APIRefusal(status: 403, message: why)
    }

    /// Records an audit event; a failure to record is logged (the change it describes stands).
    func record(_ event: AuditEvent) async {
        do {
            try await audit.record(event)
        } catch {
            logger.error("audit record failed", metadata: ["action": "\(event.action)", "target": "\(event.target)", "error": "\(error)"])
        }
    }

    /// Records a failed change, with the error logged first so it is never lost.
    func auditFailure(_ caller: APICaller, action: String, target: String, error: any Error) async {
        logger.warning(
            "change failed", metadata: ["action": "\(action)", "target": "\(target)", "caller": "\(caller)", "error": "\(error)"])
        await record(AuditEvent(at: clock(), actor: caller.description, action: action, target: target, detail: "failed: \(error)"))
    }

    func requireOperator(_ caller: APICaller, _ request: Request) throws {
        guard caller.isOperator else { throw deny(caller, request, "only an operator (role OPS) may do this") }
    }
}
