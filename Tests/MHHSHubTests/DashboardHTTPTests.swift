import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MHHSCore
import MHHSMessages
import MHHSServer
import NIOCore
import Testing

/// The browser dashboard through the router: signing in with a key (cookie), each page with the
/// numbers of the runs behind it, and what each role may see.
@Suite("Dashboard over HTTP")
struct DashboardHTTPTests {
    static func get(_ client: some TestClientProtocol, _ uri: String, cookie: String? = nil, key: String? = nil) async throws -> (
        status: Int, text: String, location: String?
    ) {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        if let key { headers[HTTPField.Name("X-API-Key")!] = key }
        return try await client.execute(uri: uri, method: .get, headers: headers) {
            (Int($0.status.code), String(buffer: $0.body), $0.headers[.location])
        }
    }

    @Test(arguments: APIFixture.backends)
    func signInAndPages(_ backend: APIFixture.Backend) async throws {
        try await APIFixture.with(backend) { fixture in
            let app = Application(router: fixture.server.router())
            try await app.test(.router) { client in
                // Not signed in: to the sign-in page.
                let anonymous = try await Self.get(client, "/dashboard")
                #expect(anonymous.status == 303 && anonymous.location == "/dashboard/login?next=%2Fdashboard")
                let form = try await Self.get(client, "/dashboard/login?next=%2Fdashboard%2Fruns%3Fdate%3D2026-11-02")
                #expect(form.text.contains(#"<input name="key""#) && form.text.contains(#"value="/dashboard/runs?date=2026-11-02""#))
                #expect(try await Self.get(client, "/dashboard/login?next=https://elsewhere.example").text.contains(#"value="/dashboard""#))
                let script = try await Self.get(client, "/dashboard/chart.js")
                #expect(script.status == 200 && script.text.contains("figure.chart"))

                func signIn(_ key: String, next: String) async throws -> (status: Int, location: String?, cookie: String?) {
                    let body = "key=\(key)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    return try await client.execute(
                        uri: "/dashboard/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: body)
                    ) { ($0.status.code == 303 ? 303 : Int($0.status.code), $0.headers[.location], $0.headers[.setCookie]) }
                }
                #expect(try await signIn("mhhs_" + String(repeating: "2", count: 64), next: "/dashboard").status == 401)
                let signed = try await signIn(fixture.operatorKey, next: "/dashboard/runs")
                #expect(signed.status == 303 && signed.location == "/dashboard/runs")
                let setCookie = try #require(signed.cookie)
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/dashboard"))
                #expect(setCookie.contains("Max-Age=28800") && !setCookie.contains("Secure"))
                #expect(!setCookie.contains(fixture.operatorKey), "the cookie holds a session token, never the key")
                #expect(try await Self.get(client, "/dashboard/runs", cookie: "mhhs_session=\(fixture.operatorKey)").status == 303)
                #expect(try await signIn(fixture.operatorKey, next: "//elsewhere.example/x").location == "/dashboard", "never off-site")
                #expect(try await signIn(fixture.key(HubFixture.supplier), next: "/dashboard").location == "/dashboard/settlement")
                let cookie = String(setCookie.prefix { $0 != ";" })

                // Empty pages say so.
                #expect(try await Self.get(client, "/dashboard/runs", cookie: cookie).text.contains("No settlement run yet."))

                // Runs through the API; the pages plot them with their numbers.
                for (run, at) in [("SF", "2026-11-12T12:00:00Z"), ("R1", "2026-12-10T00:00:00Z")] {
                    let started = try await client.execute(
                        uri: "/api/v1/runs", method: .post, headers: [HTTPField.Name("X-API-Key")!: fixture.operatorKey],
                        body: ByteBuffer(string: #"{"date":"2026-11-02","run":"\#(run)","at":"\#(at)"}"#)
                    ) { Int($0.status.code) }
                    #expect(started == 201)
                }
                let settlement = try await Self.get(client, "/dashboard/settlement?run=2026-11-02-SF-1&group=_H", cookie: cookie)
                #expect(settlement.status == 200)
                #expect(settlement.text.contains(#"{"name":"SUPA","values":[1.000"#), "SUPA's corrected volume is the take: 1 kWh an SP")
                #expect(settlement.text.contains(#""name":"GSP group take","values":[1.000,1.000"#))
                #expect(settlement.text.contains("<td class=\"n\">1.000</td>"))
                let runs = try await Self.get(client, "/dashboard/runs?date=2026-11-02", cookie: cookie)
                #expect(runs.text.contains("2026-11-02-SF-1") && runs.text.contains("2026-11-02-R1-1"))
                let migration = try await Self.get(client, "/dashboard?from=2026-11-01&to=2026-11-03", cookie: cookie)
                #expect(
                    migration.status == 200 && migration.text.contains(#""name":"mhhs","values":[1,1,1]"#),
                    "\(migration.text.prefix(3_000))")
                #expect(try await Self.get(client, "/dashboard?from=2026-11-03&to=2026-11-01", cookie: cookie).status == 400)
                #expect(try await Self.get(client, "/dashboard/shapes?date=2026-11-02", cookie: cookie).text.contains("No load shapes"))

                // Roles: another supplier sees no one else's volumes; an LDSO its area's migration only.
                let other = try await Self.get(
                    client, "/dashboard/settlement?run=2026-11-02-SF-1&group=_H", key: fixture.key(HubFixture.otherSupplier))
                #expect(other.status == 200 && !other.text.contains(#""name":"SUPA""#))
                #expect(
                    !other.text.contains("GSP group take") && other.text.contains("your corrected"),
                    "no take: it would give others' volumes away")
                let own = try await Self.get(
                    client, "/dashboard/settlement?run=2026-11-02-SF-1&group=_H", key: fixture.key(HubFixture.supplier))
                #expect(own.text.contains(#"{"name":"SUPA","values":[1.000"#))
                let ldso = fixture.key(HubFixture.distributor)
                #expect(try await Self.get(client, "/dashboard/settlement", key: ldso).status == 403)
                #expect(try await Self.get(client, "/dashboard?from=2026-11-02", key: ldso).text.contains("SOUT"))
                #expect(try await Self.get(client, "/dashboard", key: fixture.key(HubFixture.supplier)).status == 403)

                // Signing out ends the session in the store: the same cookie no longer signs in.
                let signedOut = try await client.execute(uri: "/dashboard/logout", method: .post, headers: [.cookie: cookie]) {
                    (Int($0.status.code), $0.headers[.setCookie])
                }
                #expect(signedOut.0 == 303 && signedOut.1?.contains("Max-Age=0") == true)
                #expect(try await Self.get(client, "/dashboard/runs", cookie: cookie).status == 303)
            }
        }
    }
}
