import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import NIOCore

/// The browser dashboard under `/dashboard`: migration progress, settlement per group and SP
/// (supplier volumes stacked, the take and the correction factor), load shapes, and run
/// history with run-to-run differences. A browser signs in with its API key once
/// (`/dashboard/login` keeps it in an HttpOnly, SameSite=Lax cookie: sent on top-level
/// navigations only, and the dashboard's pages change nothing); scripts send `X-API-Key`.
/// Each page shows what the caller's role may see, as the REST API does.
public enum DashboardRoutes {
    static let cookie = "mhhs_key"

    public static func add<Context: RequestContext>(to router: Router<Context>, api: APIContext) {
        router.get("/dashboard/chart.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ChartScript.source)))
        }
        router.get("/dashboard/login") { request, _ in html(200, loginPage(nil, next: safeNext(APIRoutes.query(request, "next")))) }
        router.post("/dashboard/login") { request, _ in try await login(request, api: api) }
        router.post("/dashboard/logout") { _, _ in
            Response(
                status: .seeOther,
                headers: [.location: "/dashboard/login", .setCookie: "\(cookie)=; Path=/dashboard; HttpOnly; SameSite=Lax; Max-Age=0"])
        }
        router.get("/dashboard") { request, _ in await page(request, api: api) { try await migrationPage(request, $0, api: api) } }
        router.get("/dashboard/settlement") { request, _ in
            await page(request, api: api) { try await settlementPage(request, $0, api: api) }
        }
        router.get("/dashboard/shapes") { request, _ in await page(request, api: api) { try await shapesPage(request, $0, api: api) } }
        router.get("/dashboard/runs") { request, _ in await page(request, api: api) { try await runsPage(request, $0, api: api) } }
    }

    /// Runs a page for the signed-in caller: to the sign-in page without a known key, a 403
    /// page (logged) or 400 page for refusals.
    static func page(_ request: Request, api: APIContext, _ build: (APICaller) async throws -> String) async -> Response {
        do {
            guard let caller = try await caller(request, api: api) else {
                // Back here after signing in.
                let here = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                let next = here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return Response(status: .seeOther, headers: [.location: "/dashboard/login?next=\(next)"])
            }
            return html(200, try await build(caller))
        } catch let refusal as APIRefusal {
            var page = DashboardPage(title: refusal.status == 403 ? "Not for your role" : "Cannot show this", caller: nil)
            page.paragraph(refusal.message)
            return html(refusal.status, page.html)
        } catch {
            api.logger.error("dashboard page failed", metadata: ["error": "\(error)"])
            return html(500, DashboardPage(title: "Internal error", caller: nil).html)
        }
    }

    /// The caller by `X-API-Key` or the sign-in cookie; nil when neither names a known key.
    static func caller(_ request: Request, api: APIContext) async throws -> APICaller? {
        let key = request.headers[HTTPField.Name("X-API-Key")!] ?? cookieValue(request)
        guard let key, !key.isEmpty, let participant = try await api.participants.authenticate(apiKey: key, now: api.clock()) else {
            return nil
        }
        return APICaller(participant: participant.participant)
    }

    static func cookieValue(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == cookie { return String(pair[1]) }
            }
        }
        return nil
    }

    static func login(_ request: Request, api: APIContext) async throws -> Response {
        let body = String(buffer: try await request.body.collect(upTo: 4_096))
        func field(_ name: String) -> String? {
            body.split(separator: "&").compactMap { pair -> String? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0] == name else { return nil }
                return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }.first
        }
        guard let key = field("key"), let participant = try await api.participants.authenticate(apiKey: key, now: api.clock()) else {
            return html(401, loginPage("That is not a key this server issued.", next: safeNext(field("next"))))
        }
        // Back to the page asked for; by default each role's first page (a supplier may not see
        // migration progress).
        let asked = safeNext(field("next"))
        let next =
            asked == "/dashboard" && participant.participant.role == .supplier ? "/dashboard/settlement" : asked
        return Response(
            status: .seeOther,
            headers: [.location: next, .setCookie: "\(cookie)=\(key); Path=/dashboard; HttpOnly; SameSite=Lax"])
    }

    /// A page of this dashboard to go to after signing in: one of its four pages with any query,
    /// never another site; `/dashboard` otherwise.
    static func safeNext(_ text: String?) -> String {
        guard let text else { return "/dashboard" }
        let path = text.prefix { $0 != "?" }
        let pages: Set<Substring> = ["/dashboard", "/dashboard/settlement", "/dashboard/shapes", "/dashboard/runs"]
        guard pages.contains(path), !text.contains("\\"), !text.contains("\r"), !text.contains("\n") else { return "/dashboard" }
        return text
    }

    static func loginPage(_ problem: String?, next: String) -> String {
        var page = DashboardPage(title: "Sign in", caller: nil)
        if let problem { page.paragraph(problem) }
        page.raw(
            """
            <form method="post" action="/dashboard/login"><input type="hidden" name="next" value="\(DashboardPage.escape(next))">
            <label>API key <input name="key" type="password" size="70"></label>
            <button>Sign in</button></form>
            <p>Use the key `mhhs participants add` printed. Operators (role OPS) see everything; a supplier its own volumes;
            an LDSO its own area's migration.</p>
            """)
        return page.html
    }

    static func html(_ status: Int, _ text: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
