import Hummingbird
import Logging
import MHHSCore
import MHHSMessages
import MHHSRegistration

extension APIRoutes {
    struct RegistrationAnswer: Encodable {
        let mpan: String
        let on: String
        let asKnownAt: String
        let facts: MeteringPointFacts
    }

    /// `GET /api/v1/registrations/{mpan}?on=&asKnownAt=`: the point's registration on a date as
    /// known at an instant (both default to now). A supplier sees its own points, an LDSO the
    /// points in its area.
    static func registration(_ request: Request, context: some RequestContext, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        let text = try context.parameters.require("mpan")
        guard let mpan = try? MPAN(text) else { throw APIRefusal(status: 400, message: "\(text) is not a valid MPAN core") }
        let now = api.clock()
        let on = try query(request, "on").map { _ in try date(request, "on") } ?? LocalSettlementPeriod(containing: now).date
        let asKnownAt = try query(request, "asKnownAt").map { try instant($0, "asKnownAt") } ?? now
        guard let facts = try await api.register.state(of: mpan, on: on, asKnownAt: asKnownAt) else {
            throw APIRefusal(status: 404, message: "MPAN \(mpan) is not registered on \(on) as known at \(DIPDateTime(asKnownAt).text)")
        }
        guard caller.maySee(supplier: facts.supplier, distributor: facts.distributor) else {
            // Logged as a refusal, answered as "not found": whether a point is registered to
            // someone else is not the caller's to learn.
            _ = api.deny(caller, request, "MPAN \(mpan) is not registered to \(caller.participant.mpid.value) on \(on)")
            throw APIRefusal(status: 404, message: "MPAN \(mpan) is not registered to \(caller.participant.mpid.value) on \(on)")
        }
        return try JSONResponse.encoded(
            200, RegistrationAnswer(mpan: mpan.description, on: on.description, asKnownAt: DIPDateTime(asKnownAt).text, facts: facts))
    }
}
