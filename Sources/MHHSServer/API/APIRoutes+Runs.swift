import Hummingbird
import Logging
import MHHSCore
import MHHSMessages
import MHHSSettlement
import NIOCore

extension APIRoutes {
    /// `GET /api/v1/runs[?date=]`: run manifests, oldest first.
    static func runs(_ request: Request, api: APIContext) async throws -> Response {
        _ = try await api.caller(request)
        let on = try query(request, "date").map { _ in try date(request, "date") }
        return manifests(try await api.runs.runs(on: on))
    }

    /// `GET /api/v1/runs/{id}`: one run's manifest (its inputs and results' digests).
    static func run(_ request: Request, context: some RequestContext, api: APIContext) async throws -> Response {
        _ = try await api.caller(request)
        return JSONResponse.bytes(200, try await manifest(try context.parameters.require("id"), api: api).json)
    }

    /// `POST /api/v1/runs` `{"date": "2026-11-02", "run": "SF", "at": "…"}` (operators): settles
    /// the date now (or as at `at`) and answers 201 with the new run's manifest. Audited either way.
    static func startRun(_ request: Request, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        try api.requireOperator(caller, request)
        let body = try await jsonBody(request)
        guard let dateText = body["date"]?.stringValue, let date = try? SettlementDate(dateText) else {
            throw APIRefusal(status: 400, message: "date (YYYY-MM-DD) is required")
        }
        let type = try runType(body["run"]?.stringValue, "run")
        let at = try optionalInstant(body, "at") ?? api.clock()
        let started = ContinuousClock.now
        let stored: StoredSettlementRun
        do {
            stored = try await api.settle(date, type, at)
        } catch {
            await api.auditFailure(caller, action: "run.start", target: "\(date) \(type.rawValue)", error: error)
            throw refusalOrFailure(error, "the \(type.rawValue) run of \(date) failed")
        }
        api.metrics.settlementRun(type: type.rawValue, seconds: (ContinuousClock.now - started).seconds)
        // The run is stored: a failure to audit it is logged, not answered as a failure (a retry
        // would make a second run).
        let digest = stored.manifest.results[SettlementRunFiles.volumes] ?? "-"
        await api.record(
            AuditEvent(
                at: api.clock(), actor: caller.description, action: "run.start", target: stored.manifest.id,
                detail: "\(type.rawValue) of \(date) as at \(DIPDateTime(at).text): volumes sha256 \(digest)"))
        api.logger.info("run started", metadata: ["run": "\(stored.manifest.id)", "caller": "\(caller)"])
        return JSONResponse.bytes(201, stored.manifest.json)
    }

    /// `GET /api/v1/runs/{id}/volumes`: the run's volumes CSV; a supplier gets its own rows only.
    static func volumes(_ request: Request, context: some RequestContext, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        guard caller.isOperator || caller.participant.role == .supplier else {
            throw api.deny(caller, request, "volumes are for operators and suppliers (their own rows)")
        }
        let manifest = try await manifest(try context.parameters.require("id"), api: api)
        let bytes = try await api.runs.file(named: SettlementRunFiles.volumes, ofRun: manifest.id) ?? []
        let rows = caller.isOperator ? bytes : rowsWhere(bytes, column: "supplier", equals: caller.participant.mpid.value)
        return Response(status: .ok, headers: [.contentType: "text/csv"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: rows)))
    }

    /// `GET /api/v1/runs/diff?date=&from=SF&to=R1`: what changed between the latest runs of two
    /// types, largest first; a supplier sees its own rows.
    static func diff(_ request: Request, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        guard caller.isOperator || caller.participant.role == .supplier else {
            throw api.deny(caller, request, "run differences are for operators and suppliers (their own rows)")
        }
        let on = try date(request, "date")
        let from = try runType(query(request, "from"), "from")
        let to = try runType(query(request, "to"), "to")
        guard let before = try await api.runs.latest(on: on, type: from), let after = try await api.runs.latest(on: on, type: to) else {
            throw APIRefusal(status: 404, message: "\(on) has no \(from.rawValue) or no \(to.rawValue) run")
        }
        let diff = RunDiff(
            from: try await api.runs.file(named: SettlementRunFiles.volumes, ofRun: before.id) ?? [],
            to: try await api.runs.file(named: SettlementRunFiles.volumes, ofRun: after.id) ?? [])
        let changes = diff.changes.filter { caller.isOperator || $0.supplier == caller.participant.mpid.value }
        let json: JSONValue = [
            "from": .string(before.id), "to": .string(after.id),
            "changes": .array(
                changes.map {
                    [
                        "gspGroup": .string($0.gspGroup), "supplier": .string($0.supplier), "bmUnit": .string($0.bmUnit),
                        "ccc": .string($0.ccc),
                        "period": .number(String($0.period)), "fromMilliWh": .number(String($0.fromMilliWh)),
                        "toMilliWh": .number(String($0.toMilliWh)),
                    ]
                }),
        ]
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }

    /// A run by id (`<date>-<type>-<n>`), or 404.
    static func manifest(_ id: String, api: APIContext) async throws -> RunManifest {
        guard id.count > 10, let on = try? SettlementDate(id.prefix(10)),
            let run = try await api.runs.runs(on: on).first(where: { $0.id == id })
        else { throw APIRefusal(status: 404, message: "no run \(id)") }
        return run
    }

    static func manifests(_ runs: [RunManifest]) -> Response {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, run) in runs.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += run.json
        }
        bytes.append(UInt8(ascii: "]"))
        return JSONResponse.bytes(200, bytes)
    }
}
