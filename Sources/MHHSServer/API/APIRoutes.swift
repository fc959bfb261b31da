import Foundation
import Hummingbird
import Logging
import MHHSCore
import MHHSMessages
import MHHSSettlement
import NIOCore

/// The REST API under `/api/v1` (docs/openapi.json describes it; `/openapi.json` serves it):
/// registration queries, runs (start, list, status, volumes, diff), load shapes, migration
/// status and runs, and the audit trail. Every call names its caller by `X-API-Key`;
/// operators (role `OPS`) see everything and are the only ones who change anything.
public enum APIRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, api: APIContext) {
        router.get("/openapi.json") { _, _ in JSONResponse.bytes(200, Array((OpenAPIDocument.json + "\n").utf8)) }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: api.metrics.exposition())))
        }
        let v1 = router.group("/api/v1")
        v1.get("/me") { request, _ in
            try await answer(api) {
                let caller = try await api.caller(request)
                return JSONResponse.bytes(200, JSONWriter.bytes(caller.json))
            }
        }
        v1.get("/registrations/:mpan") { request, context in
            try await answer(api) { try await registration(request, context: context, api: api) }
        }
        v1.get("/runs") { request, _ in try await answer(api) { try await runs(request, api: api) } }
        v1.post("/runs") { request, _ in try await answer(api) { try await startRun(request, api: api) } }
        v1.get("/runs/diff") { request, _ in try await answer(api) { try await diff(request, api: api) } }
        v1.get("/runs/:id") { request, context in try await answer(api) { try await run(request, context: context, api: api) } }
        v1.get("/runs/:id/volumes") { request, context in
            try await answer(api) { try await volumes(request, context: context, api: api) }
        }
        v1.get("/load-shapes") { request, _ in try await answer(api) { try await loadShapes(request, api: api) } }
        v1.get("/migration/status") { request, _ in try await answer(api) { try await migrationStatus(request, api: api) } }
        v1.post("/migration/run") { request, _ in try await answer(api) { try await runMigration(request, api: api) } }
        v1.get("/audit") { request, _ in try await answer(api) { try await audit(request, api: api) } }
        v1.get("/reports/:kind") { request, context in try await answer(api) { try await report(request, context: context, api: api) } }
        v1.get("/standing-data/participants") { request, _ in try await answer(api) { try await participants(request, api: api) } }
        v1.get("/standing-data/llf") { request, _ in try await answer(api) { try await lineLossFactors(request, api: api) } }
    }

    /// Maps refusals to their status and anything else to a logged 500 that does not echo it.
    static func answer(_ api: APIContext, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let refusal as APIRefusal {
            return JSONResponse.problem(refusal.status, refusal.message)
        } catch let error as HTTPError {
            return JSONResponse.problem(Int(error.status.code), error.body ?? "\(error.status)")
        } catch {
            api.logger.error("API request failed", metadata: ["error": "\(error)"])
            return JSONResponse.problem(500, "internal error")
        }
    }

    // MARK: parameters

    static func query(_ request: Request, _ name: String) -> String? { request.uri.queryParameters[Substring(name)].map(String.init) }

    static func date(_ request: Request, _ name: String) throws -> SettlementDate {
        guard let text = query(request, name) else {
            throw APIRefusal(status: 400, message: "query parameter \(name) (YYYY-MM-DD) is required")
        }
        guard let date = try? SettlementDate(text) else {
            throw APIRefusal(status: 400, message: "\(name) \(text) is not a date YYYY-MM-DD")
        }
        return date
    }

    /// `YYYY-MM-DD` (midnight UTC) or a DIP date-time.
    static func instant(_ text: String, _ name: String) throws -> UTCInstant {
        if text.count == 10, let date = try? SettlementDate(text) { return UTCInstant(utcMidnightOfDay: date.dayNumber) }
        // `…Z` is taken as `…+00:00`.
        let dipText = text.count == 20 && text.hasSuffix("Z") ? text.dropLast() + "+00:00" : Substring(text)
        guard let instant = try? DIPDateTime(dipText).instant else {
            throw APIRefusal(
                status: 400,
                message: "\(name) \(text) is not a date or a date-time such as 2026-11-03T12:00:00+00:00 or 2026-11-03T12:00:00Z")
        }
        return instant
    }

    static func runType(_ text: String?, _ name: String) throws -> SettlementRunType {
        guard let text, let type = SettlementRunType(rawValue: text) else {
            throw APIRefusal(status: 400, message: "\(name) must be a run type: II, SF, R1, R2, R3, RF or DF")
        }
        return type
    }

    /// A member that must be a date or date-time when present (400 otherwise, never ignored).
    static func optionalInstant(_ body: JSONValue, _ name: String) throws -> UTCInstant? {
        switch body[name] {
        case nil: return nil
        case .string(let text)?: return try instant(text, name)
        default: throw APIRefusal(status: 400, message: "\(name) must be a date or date-time string")
        }
    }

    /// A failed start: work already under way elsewhere (a held lock) is 409; a refusal of the domain (the services' own errors: a closed legacy path,
    /// a refused registration, a corrupt input) is 422 with its text; a store's or the system's
    /// failure is logged by the caller and answered 500 without its text.
    static func refusalOrFailure(_ error: any Error, _ what: String) -> any Error {
        if let held = error as? LockHeld { return APIRefusal(status: 409, message: "\(what): \(held)") }
        let type = String(reflecting: Swift.type(of: error))
        if type.hasPrefix("MHHS") { return APIRefusal(status: 422, message: "\(what): \(error)") }
        return error
    }

    /// A JSON object body of at most 64 KiB.
    static func jsonBody(_ request: Request) async throws -> JSONValue {
        let body = try await request.body.collect(upTo: 64 << 10)
        guard case .object = try? JSONParser.parse(Array(body.readableBytesView)) else {
            throw APIRefusal(status: 400, message: "the body must be a JSON object")
        }
        return try JSONParser.parse(Array(body.readableBytesView))
    }
}

extension APICaller {
    var json: JSONValue {
        [
            "dipID": .string(participant.dipID.value), "mpid": .string(participant.mpid.value), "role": .string(participant.role.rawValue),
            "operator": .bool(isOperator),
        ]
    }
}
