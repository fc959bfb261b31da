import Foundation
import Hummingbird
import Logging
import MHHSCore
import MHHSMessages
import MHHSMigration
import MHHSSettlement

extension APIRoutes {
    /// `GET /api/v1/load-shapes?date=&category=`: the latest published LSS run of a UTC day:
    /// every category's day total and flags, or one category's 48 values.
    static func loadShapes(_ request: Request, api: APIContext) async throws -> Response {
        _ = try await api.caller(request)
        let day = UTCDay(sameCalendarDateAs: try date(request, "date"))
        guard let run = try await api.shapes.latestRun(onOrBefore: day, publishedBy: api.clock()), run.day == day else {
            throw APIRefusal(status: 404, message: "no load shapes published for \(day)")
        }
        let wanted = query(request, "category")
        let shapes = run.shapes.filter { wanted == nil || $0.category.description == wanted }
        if let wanted, shapes.isEmpty { throw APIRefusal(status: 404, message: "\(run.id) has no category \(wanted)") }
        let json: JSONValue = [
            "run": .string(run.id), "runAt": .string(DIPDateTime(run.runAt).text), "minimumSample": .number(String(run.minimumSample)),
            "shapes": .array(
                shapes.map { shape in
                    var entry: [String: JSONValue] = [
                        "category": .string(shape.category.description), "dayWh": .number(String(shape.totals.day)),
                        "flags": .string(String(shape.flags.map { Character($0.rawValue) })),
                    ]
                    if wanted != nil { entry["values"] = .array(shape.values.map { .number(String($0)) }) }
                    return .object(entry)
                }),
        ]
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }

    /// `GET /api/v1/migration/status?from=&to=`: points and annual energy per date ×
    /// arrangement × segment × LDSO (an LDSO sees its own area's rows; suppliers are refused).
    static func migrationStatus(_ request: Request, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        guard caller.isOperator || caller.participant.role == .distributor else {
            throw api.deny(caller, request, "migration status is for operators and LDSOs (their own area)")
        }
        let from = try date(request, "from")
        let to = try query(request, "to").map { _ in try date(request, "to") } ?? from
        // [A] At most 62 dates a request: each is a register snapshot of every group.
        guard from <= to, to.dayNumber - from.dayNumber < 62 else {
            throw APIRefusal(status: 400, message: "from must not be after to, and the span at most 62 days")
        }
        let dates = stride(from: from.dayNumber, through: to.dayNumber, by: 1).map { SettlementDate(dayNumber: $0) }
        let progress = try await MigrationProgress.build(dates: dates, at: api.clock(), register: api.register)
        let rows = progress.rows.filter { caller.isOperator || $0.distributor == caller.participant.mpid }
        let json: JSONValue = [
            "at": .string(DIPDateTime(progress.at).text),
            "rows": .array(
                rows.map {
                    [
                        "date": .string($0.date.description), "arrangement": .string($0.arrangement.rawValue),
                        "segment": .string($0.segment.rawValue), "ldso": .string($0.distributor.value),
                        "points": .number(String($0.points)),
                        "annualWh": .number(String($0.annualWh)),
                    ]
                }),
        ]
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }

    /// `POST /api/v1/migration/run` `{"date": "…", "at": "…"}` (operators): the day's migration
    /// run (the planned points' MCA appointments through the Registration Service). Audited.
    static func runMigration(_ request: Request, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        try api.requireOperator(caller, request)
        let body = try await jsonBody(request)
        guard let dateText = body["date"]?.stringValue, let date = try? SettlementDate(dateText) else {
            throw APIRefusal(status: 400, message: "date (YYYY-MM-DD) is required")
        }
        let at = try optionalInstant(body, "at") ?? api.clock()
        let started = ContinuousClock.now
        let report: MigrationService.RunReport
        do {
            report = try await api.migrate(date, at)
        } catch {
            await api.auditFailure(caller, action: "migration.run", target: "\(date)", error: error)
            throw refusalOrFailure(error, "the migration run for \(date) failed")
        }
        api.metrics.migrationRun(seconds: (ContinuousClock.now - started).seconds)
        let counts: [String: JSONValue] = [
            "requested": .number(String(report.requested.count)), "migrated": .number(String(report.migrated.count)),
            "failed": .number(String(report.failed.count)), "waiting": .number(String(report.waiting.count)),
            "closures": .array(report.closures.map { .string($0.segment.rawValue) }),
        ]
        await api.record(
            AuditEvent(
                at: api.clock(), actor: caller.description, action: "migration.run", target: "\(date)",
                detail: JSONWriter.string(.object(counts))))
        return JSONResponse.bytes(200, JSONWriter.bytes(.object(counts)))
    }

    /// `GET /api/v1/audit?limit=` (operators): the latest audited changes first.
    static func audit(_ request: Request, api: APIContext) async throws -> Response {
        let caller = try await api.caller(request)
        try api.requireOperator(caller, request)
        let limit = min(1_000, max(1, query(request, "limit").flatMap { Int($0) } ?? 100))
        let events = try await api.audit.events(limit: limit)
        let json: JSONValue = .array(
            events.map {
                [
                    "at": .string(DIPDateTime($0.at).text), "actor": .string($0.actor), "action": .string($0.action),
                    "target": .string($0.target), "detail": .string($0.detail),
                ]
            })
        return JSONResponse.bytes(200, JSONWriter.bytes(json))
    }
}
