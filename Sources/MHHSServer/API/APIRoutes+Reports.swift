import HTTPTypes
import Hummingbird
import MHHSCore
import MHHSMessages
import MHHSSettlement
import MHHSStandingData
import NIOCore

extension APIRoutes {
    /// `GET /api/v1/reports/{REP-00n}?date=[&run=]`: a run's report as CSV (the latest run of the
    /// date unless `run` names one). A supplier gets its own rows; an LDSO its own rows of
    /// REP-002 (DUoS) only.
    static func report(_ request: Request, context: some RequestContext, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        let name = try context.parameters.require("kind")
        guard let kind = ECSReport(rawValue: name) else {
            throw APIRefusal(status: 404, message: "no report \(name): \(ECSReport.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let column: String?
        switch caller.participant.role {
        case .centralOperator: column = nil
        case .supplier where kind != .rep008: column = "supplier"
        case .distributor where kind == .rep002 || kind == .rep008: column = "distributor"
        default:
            throw api.deny(
                caller, request,
                "\(kind.rawValue) is for operators, suppliers (their rows of REP-002 to REP-007) and LDSOs (REP-002, REP-008)")
        }
        let manifest: RunManifest
        if let id = query(request, "run") {
            manifest = try await self.manifest(id, api: api)
        } else {
            let on = try date(request, "date")
            guard let latest = try await api.runs.latest(on: on) else { throw APIRefusal(status: 404, message: "\(on) has no run") }
            manifest = latest
        }
        var files: [String: [UInt8]] = [:]
        for file in manifest.results.keys { files[file] = try await api.runs.file(named: file, ofRun: manifest.id) }
        let csv = ReportCSV.render(kind, try RunResults(manifest: manifest, files: files))
        let rows = column.map { rowsWhere(csv, column: $0, equals: caller.participant.mpid.value) } ?? csv
        return Response(
            status: .ok, headers: [.contentType: "text/csv", HTTPField.Name("X-MHHS-Run")!: manifest.id],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: rows)))
    }

    /// The header and the rows whose `column` (named in the header) is `value`; only the header
    /// when there is no such column.
    static func rowsWhere(_ csv: [UInt8], column: String, equals value: String) -> [UInt8] {
        let lines = csv.split(separator: UInt8(ascii: "\n"))
        guard let header = lines.first else { return [] }
        let names = header.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var out = Array(header) + [UInt8(ascii: "\n")]
        guard let index = names.firstIndex(of: column) else { return out }
        for line in lines.dropFirst() {
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            if fields.count > index, fields[index].elementsEqual(value.utf8) { out += line + [UInt8(ascii: "\n")] }
        }
        return out
    }

    /// `GET /api/v1/standing-data/participants?role=&on=`: MDD participants holding a role on a
    /// date (default today), with their names.
    static func participants(_ request: Request, api: APIContext) async throws -> Response {
        _ = try await api.caller(request)
        guard let mdd = try await api.marketDomainData() else { throw APIRefusal(status: 404, message: "no Market Domain Data imported") }
        guard let role = query(request, "role"), !role.isEmpty else {
            throw APIRefusal(status: 400, message: "role (an MDD role code, e.g. X) is required")
        }
        let on = try query(request, "on").map { _ in try date(request, "on") } ?? LocalSettlementPeriod(containing: api.clock()).date
        let json: JSONValue = [
            "version": .string(mdd.version), "role": .string(role), "on": .string(on.description),
            "participants": .array(
                mdd.participants(withRole: role, on: on).map { id in
                    ["mpid": .string(id.value), "name": .string(mdd.participant(id)?.name ?? "")]
                }),
        ]
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }

    /// `GET /api/v1/standing-data/llf?ldso=&llfc=&date=`: a class's line loss factors for a
    /// settlement date, one per SP (46, 48 or 50).
    static func lineLossFactors(_ request: Request, api: APIContext) async throws -> Response {
        _ = try await api.caller(request)
        guard let text = query(request, "ldso"), let ldso = try? MPID(text) else {
            throw APIRefusal(status: 400, message: "ldso (an MPID) is required")
        }
        guard let llfc = query(request, "llfc"), !llfc.isEmpty else { throw APIRefusal(status: 400, message: "llfc is required") }
        let on = try date(request, "date")
        guard let day = try await api.lineLossFactors(ldso, llfc, on) else {
            throw APIRefusal(status: 404, message: "no line loss factors for \(ldso.value) class \(llfc) on \(on)")
        }
        let json: JSONValue = [
            "ldso": .string(ldso.value), "llfc": .string(llfc), "date": .string(on.description),
            "factors": .array(day.factors.map { .number($0.description) }),
        ]
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }
}
