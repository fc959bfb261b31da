import MHHSCore
import MHHSMessages

/// An appointment request as stored: the members its `Codable` conformance writes, so rows
/// written by either read back the same, without Foundation's coders on the migration's hot
/// path (every request and answer reads and rewrites the point's appointments).
extension PendingAppointment {
    public var jsonValue: JSONValue {
        .object([
            "id": .string(id), "mpan": .string(mpan.description), "role": .string(role.rawValue), "provider": .string(provider.value),
            "effectiveFrom": .string(effectiveFrom.description), "requestingSupplier": .string(requestingSupplier.value),
            "requestedAt": .number(String(requestedAt.secondsSinceEpoch)), "scenario": .string(scenario), "proposal": .object(proposal),
            "status": .string(status.rawValue),
        ])
    }

    public init(json: JSONValue) throws {
        guard let role = AppointmentRole(rawValue: try json.text("role")) else { throw JSONShapeError(path: "role") }
        guard let status = Status(rawValue: try json.text("status")) else { throw JSONShapeError(path: "status") }
        guard case .number(let seconds) = try json.member("requestedAt"), let requestedAt = Int64(seconds) else {
            throw JSONShapeError(path: "requestedAt")
        }
        guard case .object(let proposal) = try json.member("proposal") else { throw JSONShapeError(path: "proposal") }
        self.init(
            id: try json.text("id"), mpan: try MPAN(try json.text("mpan")), role: role, provider: try MPID(try json.text("provider")),
            effectiveFrom: try SettlementDate(try json.text("effectiveFrom")),
            requestingSupplier: try MPID(try json.text("requestingSupplier")),
            requestedAt: UTCInstant(secondsSinceEpoch: requestedAt), scenario: try json.text("scenario"), proposal: proposal, status: status
        )
    }
}
