import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MHHSCore
import MHHSMessages
import MHHSServer
import MHHSSettlement
import MHHSStorage
import MHHSTestSupport
import NIOCore
import Testing

/// The REST API through the router, as each role meets it: who may see and do what (401 and
/// 403 paths included), runs started and audited, the OpenAPI document and the metrics.
@Suite("REST API over HTTP")
struct APIHTTPTests {
    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String?, body: String? = nil
    ) async throws -> (status: Int, text: String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let key { headers[HTTPField.Name("X-API-Key")!] = key }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            (Int($0.status.code), String(buffer: $0.body))
        }
    }

    @Test("each role sees its own: registrations, runs, volumes, diffs, migration status, audit", arguments: APIFixture.backends)
    func rolesAndRuns(_ backend: APIFixture.Backend) async throws {
        ServerMetrics.bootstrap()
        try await APIFixture.with(backend) { fixture in try await Self.rolesAndRuns(fixture) }
    }

    static func rolesAndRuns(_ fixture: APIFixture) async throws {
        let app = Application(router: fixture.server.router())
        let operatorKey = fixture.operatorKey
        let supplier = fixture.key(HubFixture.supplier)
        let other = fixture.key(HubFixture.otherSupplier)
        let ldso = fixture.key(HubFixture.distributor)
        let dataService = fixture.key(HubFixture.dataService)
        try await app.test(.router) { client in
            // Who am I; no key or a wrong one is 401.
            #expect(try await Self.call(client, .get, "/api/v1/me", key: nil).status == 401)
            #expect(try await Self.call(client, .get, "/api/v1/me", key: "mhhs_" + String(repeating: "1", count: 64)).status == 401)
            let me = try await Self.call(client, .get, "/api/v1/me", key: operatorKey)
            #expect(me.status == 200 && me.text.contains(#""role":"OPS""#) && me.text.contains(#""operator":true"#))

            // A registration: its supplier, its LDSO and operators see it; others get 403.
            let path = "/api/v1/registrations/\(HubFixture.mpan)?on=2026-11-02&asKnownAt=2026-11-03"
            for key in [supplier, ldso, operatorKey] {
                let seen = try await Self.call(client, .get, path, key: key)
                #expect(seen.status == 200 && seen.text.contains("SUPA") && seen.text.contains(#""on":"2026-11-02""#), "\(seen)")
            }
            for key in [other, dataService] {
                let denied = try await Self.call(client, .get, path, key: key)
                #expect(denied.status == 404 && denied.text.contains("not registered to"), "not theirs: not found, and logged as a refusal")
            }
            #expect(try await Self.call(client, .get, "/api/v1/registrations/2000056535971?on=2025-01-01", key: operatorKey).status == 404)
            #expect(try await Self.call(client, .get, "/api/v1/registrations/123", key: operatorKey).status == 400)
            #expect(
                try await Self.call(client, .get, "/api/v1/registrations/\(HubFixture.mpan)?on=yesterday", key: operatorKey).status == 400)

            // Only operators start runs; a bad request is 400 and changes nothing.
            let request = #"{"date": "2026-11-02", "run": "SF", "at": "2026-11-12T12:00:00Z"}"#
            #expect(try await Self.call(client, .post, "/api/v1/runs", key: supplier, body: request).status == 403)
            #expect(
                try await Self.call(client, .post, "/api/v1/runs", key: operatorKey, body: #"{"date": "2026-11-02", "run": "XX"}"#).status
                    == 400)
            #expect(try await Self.call(client, .post, "/api/v1/runs", key: operatorKey, body: "[1]").status == 400)
            #expect(
                try await Self.call(
                    client, .post, "/api/v1/runs", key: operatorKey, body: #"{"date": "2026-11-02", "run": "SF", "at": 20261112}"#
                )
                .status == 400, "an at that is not a date-time is refused, never ignored")
            #expect(try await fixture.runs.runs(on: nil).isEmpty)
            let started = try await Self.call(client, .post, "/api/v1/runs", key: operatorKey, body: request)
            #expect(started.status == 201 && started.text.contains(#""id":"2026-11-02-SF-1""#), "\(started)")
            let r1 = #"{"date": "2026-11-02", "run": "R1", "at": "2026-12-10T00:00:00Z"}"#
            #expect(try await Self.call(client, .post, "/api/v1/runs", key: operatorKey, body: r1).status == 201)

            let listed = try await Self.call(client, .get, "/api/v1/runs?date=2026-11-02", key: other)
            #expect(listed.status == 200 && listed.text.contains("2026-11-02-SF-1") && listed.text.contains("2026-11-02-R1-1"))
            #expect(try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-1", key: ldso).status == 200)
            #expect(try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-9", key: ldso).status == 404)

            // Volumes: the operator every row, a supplier its own, an LDSO none.
            let all = try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-1/volumes", key: operatorKey)
            let own = try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-1/volumes", key: supplier)
            let none = try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-1/volumes", key: other)
            #expect(all.status == 200 && all.text.split(separator: "\n").count > 1)
            #expect(own.text == all.text, "SUPA is the only supplier with volumes")
            #expect(none.status == 200 && none.text.split(separator: "\n").count == 1, "only the header for SUPB")
            #expect(try await Self.call(client, .get, "/api/v1/runs/2026-11-02-SF-1/volumes", key: ldso).status == 403)

            let diff = try await Self.call(client, .get, "/api/v1/runs/diff?date=2026-11-02&from=SF&to=R1", key: operatorKey)
            #expect(diff.status == 200 && diff.text.contains(#""from":"2026-11-02-SF-1""#), "\(diff)")
            #expect(try await Self.call(client, .get, "/api/v1/runs/diff?date=2026-11-02&from=SF&to=R2", key: operatorKey).status == 404)
            #expect(try await Self.call(client, .get, "/api/v1/runs/diff?date=2026-11-02&from=SF&to=R1", key: ldso).status == 403)

            // Reports as CSV: the operator all rows, a supplier its own, an LDSO its own DUoS rows.
            let rep003 = try await Self.call(client, .get, "/api/v1/reports/REP-003?date=2026-11-02", key: operatorKey)
            #expect(rep003.status == 200 && rep003.text.split(separator: "\n").count > 1 && rep003.text.contains(",SUPA,"), "\(rep003)")
            #expect(try await Self.call(client, .get, "/api/v1/reports/REP-003?date=2026-11-02", key: supplier).text == rep003.text)
            #expect(
                try await Self.call(client, .get, "/api/v1/reports/REP-003?date=2026-11-02", key: other).text.split(separator: "\n").count
                    == 1)
            #expect(try await Self.call(client, .get, "/api/v1/reports/REP-003?date=2026-11-02", key: ldso).status == 403)
            let duos = try await Self.call(client, .get, "/api/v1/reports/REP-002?run=2026-11-02-SF-1", key: ldso)
            #expect(duos.status == 200 && duos.text.split(separator: "\n").count > 1 && duos.text.contains(",SOUT,"), "\(duos)")
            #expect(try await Self.call(client, .get, "/api/v1/reports/REP-999?date=2026-11-02", key: operatorKey).status == 404)
            #expect(try await Self.call(client, .get, "/api/v1/reports/REP-008?date=2026-11-02", key: supplier).status == 403)
            #expect(try await Self.call(client, .get, "/api/v1/reports/REP-008?date=2026-11-02", key: ldso).status == 200)

            // Standing data: MDD participants (when the reference MDD is at hand), LLFs.
            let suppliers = try await Self.call(client, .get, "/api/v1/standing-data/participants?role=X&on=2026-11-02", key: other)
            if ReferenceData.has("mdd-377") {
                #expect(suppliers.status == 200 && suppliers.text.contains(#""version":"377""#) && suppliers.text.contains(#""mpid":"#))
            } else {
                #expect(suppliers.status == 404)
            }
            let llf = try await Self.call(client, .get, "/api/v1/standing-data/llf?ldso=SOUT&llfc=1&date=2026-10-25", key: other)
            #expect(llf.status == 200 && llf.text.components(separatedBy: "1.023").count - 1 == 50, "the autumn clock-change day: 50 SPs")
            #expect(
                try await Self.call(client, .get, "/api/v1/standing-data/llf?ldso=SOUT&llfc=9&date=2026-10-25", key: other).status == 404)

            // Migration: status for operators and the LDSO (its own rows), runs for operators.
            let status = try await Self.call(client, .get, "/api/v1/migration/status?from=2026-11-02&to=2026-11-03", key: ldso)
            #expect(
                status.status == 200 && status.text.contains(#""ldso":"SOUT""#) && status.text.contains(#""arrangement":"mhhs""#),
                "\(status)")
            #expect(try await Self.call(client, .get, "/api/v1/migration/status?from=2026-11-02", key: supplier).status == 403)
            #expect(try await Self.call(client, .post, "/api/v1/migration/run", key: ldso, body: #"{"date": "2026-11-04"}"#).status == 403)
            let migration = try await Self.call(client, .post, "/api/v1/migration/run", key: operatorKey, body: #"{"date": "2026-11-04"}"#)
            #expect(migration.status == 200 && migration.text.contains(#""requested":0"#), "\(migration)")
            // While another instance holds the migration lock, a second run is refused, not repeated.
            let held = try await fixture.stores.locks.withLock("migration") {
                try await Self.call(client, .post, "/api/v1/migration/run", key: operatorKey, body: #"{"date": "2026-11-04"}"#)
            }
            #expect(held.status == 409 && held.text.contains("already running on another instance"), "\(held)")

            #expect(try await Self.call(client, .get, "/api/v1/load-shapes?date=2026-11-02", key: supplier).status == 404)
            let lss = try await LSSRunner(register: fixture.stores.register, spData: fixture.stores.spData, shapes: fixture.stores.shapes)
                .run(day: UTCDay(sameCalendarDateAs: APIFixture.date), at: UTCInstant(utcMidnightOfDay: APIFixture.date.dayNumber + 1))
            let shapes = try await Self.call(client, .get, "/api/v1/load-shapes?date=2026-11-02", key: supplier)
            #expect(shapes.status == 200 && shapes.text.contains(#""run":"\#(lss.id)""#) && shapes.text.contains(#""dayWh":"#), "\(shapes)")
            let category = try #require(lss.shapes.first).category.description
            let one = try await Self.call(client, .get, "/api/v1/load-shapes?date=2026-11-02&category=\(category)", key: supplier)
            #expect(one.status == 200 && one.text.contains(#""values":["#))

            // The audit trail: every change, who and what; only operators read it.
            #expect(try await Self.call(client, .get, "/api/v1/audit", key: supplier).status == 403)
            let audit = try await Self.call(client, .get, "/api/v1/audit", key: operatorKey)
            #expect(audit.status == 200)
            #expect(
                audit.text.contains(#""action":"run.start""#) && audit.text.contains("2026-11-02-R1-1")
                    && audit.text.contains("9000000001/OPSA/OPS"))
            #expect(audit.text.contains(#""action":"migration.run""#))
        }
        let events = try await fixture.audit.events(limit: 10)
        #expect(
            events.map(\.action) == ["migration.run", "migration.run", "run.start", "run.start"],
            "the 403s and 400s audited nothing; the run refused by the lock is audited as failed")
        #expect(events.first?.detail.contains("already running") == true, "\(events.first?.detail ?? "")")
    }

    @Test("the OpenAPI document is the repo's and names every route; /metrics counts requests and refusals")
    func documentAndMetrics() async throws {
        ServerMetrics.bootstrap()
        try await APIFixture.with(.sqlite) { fixture in try await Self.documentAndMetrics(fixture) }
    }

    static func documentAndMetrics(_ fixture: APIFixture) async throws {
        let app = Application(router: fixture.server.router())
        try await app.test(.router) { client in
            let document = try await Self.call(client, .get, "/openapi.json", key: nil)
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/openapi.json")
            let kept = try JSONParser.parse(try String(contentsOf: file, encoding: .utf8))
            let served = try JSONParser.parse(document.text)
            #expect(document.status == 200 && served == kept, "docs/openapi.json and the served document differ")
            for path in [
                "/api/v1/me", "/api/v1/registrations/{mpan}", "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/runs/{id}/volumes",
                "/api/v1/runs/diff",
                "/api/v1/load-shapes", "/api/v1/migration/status", "/api/v1/migration/run", "/api/v1/audit", "/api/v1/reports/{kind}",
                "/api/v1/standing-data/participants", "/api/v1/standing-data/llf", "/metrics",
            ] {
                #expect(served["paths"]?[path] != nil, "\(path) is documented")
            }
            _ = try await Self.call(client, .get, "/api/v1/audit", key: fixture.key(HubFixture.supplier))
            let metrics = try await Self.call(client, .get, "/metrics", key: nil)
            #expect(metrics.status == 200)
            #expect(
                metrics.text.contains(#"mhhs_http_requests_total{method="GET",route="/openapi.json",status="200"}"#),
                "\(metrics.text.prefix(2_000))")
            #expect(metrics.text.contains("mhhs_http_requests_denied_total"))
            #expect(metrics.text.contains("mhhs_http_request_duration_seconds"))
            // A message through the hub counts as accepted, and as delivered once pulled and acknowledged.
            let sds = fixture.key(HubFixture.dataService)
            let sent = try await HubHTTPTests.post(client, "IF-021", key: sds, HubFixture.body(try HubFixture.consumption()))
            #expect(sent.status == 201)
            let queue = try await HubHTTPTests.get(client, "/hub/queue?limit=10", key: fixture.key(HubFixture.mds))
            let ids = Set(queue.text.components(separatedBy: #""transactionID":""#).dropFirst().map { String($0.prefix { $0 != "\"" }) })
            let acked = try await client.execute(
                uri: "/hub/queue/ack", method: .post, headers: [HTTPField.Name("X-API-Key")!: fixture.key(HubFixture.mds)],
                body: ByteBuffer(string: JSONWriter.string(["transactionIDs": .array(ids.sorted().map(JSONValue.string))]))
            ) { Int($0.status.code) }
            #expect(acked == 200, "\(queue.text.prefix(500))")
            let after = try await Self.call(client, .get, "/metrics", key: nil).text
            #expect(after.contains(#"mhhs_hub_messages_accepted_total{interface="IF-021"}"#), "\(after.prefix(3_000))")
            #expect(after.contains(#"mhhs_hub_messages_delivered_total{via="pull"}"#))
        }
    }
}
