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
/// history with run-to-run differences. A browser signs in with its API key once:
/// `/dashboard/login` opens a session in the store (so every instance knows it) and sets an
/// HttpOnly, SameSite=Lax cookie holding the session's random token, never the key; sent on
/// top-level navigations only, and the dashboard's pages change nothing. The session ends at
/// sign-out, at its expiry, or when the participant's key is replaced. Scripts send `X-API-Key`.
/// Each page shows what the caller's role may see, as the REST API does.
public enum DashboardRoutes {
    static let cookie = "mhhs_session"

    public static func add<Context: RequestContext>(to router: Router<Context>, api: APIContext) {
        router.get("/dashboard/chart.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ChartScript.source)))
        }
        router.get("/dashboard/login") { request, _ in html(200, loginPage(nil, next: safeNext(APIRoutes.query(request, "next")))) }
        router.post("/dashboard/login") { request, _ in try await login(request, api: api) }
        router.post("/dashboard/logout") { request, _ in
            if let token = cookieValue(request) { try await api.participants.endSession(token) }
            return Response(
                status: .seeOther, headers: [.location: "/dashboard/login", .setCookie: sessionCookie("", api: api, maxAge: 0)])
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

    /// The caller by `X-API-Key` or the session cookie; nil when neither names a known key or
    /// an open session.
    static func caller(_ request: Request, api: APIContext) async throws -> APICaller? {
        let participant: HubParticipant?
        if let key = request.headers[HTTPField.Name("X-API-Key")!] {
            participant = key.isEmpty ? nil : try await api.participants.authenticate(apiKey: key, now: api.clock())
        } else if let token = cookieValue(request), !token.isEmpty {
            participant = try await api.participants.participant(sessionToken: token, now: api.clock())
        } else {
            participant = nil
        }
        return participant.map { APICaller(participant: $0.participant) }
    }

    static func sessionCookie(_ token: String, api: APIContext, maxAge: Int64) -> String {
        "\(cookie)=\(token); Path=/dashboard; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)"
            + (api.sessionPolicy.secureCookie ? "; Secure" : "")
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
        let seconds = api.sessionPolicy.seconds
        guard let key = field("key"),
            let (token, participant) = try await api.participants.startSession(apiKey: key, seconds: seconds, now: api.clock())
        else {
            return html(401, loginPage("That is not a key this server issued.", next: safeNext(field("next"))))
        }
        // Back to the page asked for; by default each role's first page (a supplier may not see
        // migration progress).
        let asked = safeNext(field("next"))
        let next =
            asked == "/dashboard" && participant.participant.role == .supplier ? "/dashboard/settlement" : asked
        return Response(
            status: .seeOther,
            headers: [.location: next, .setCookie: sessionCookie(token, api: api, maxAge: seconds)])
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

/// Dashboard sign-ins: how long a session lasts [A: a working day, 8 h] and whether the cookie
/// is `Secure` (set it when the server is reached over HTTPS, e.g. behind a TLS proxy).
public struct DashboardSessionPolicy: Sendable {
    public var seconds: Int64
    public var secureCookie: Bool

    public init(seconds: Int64 = 8 * 3600, secureCookie: Bool = false) {
        self.seconds = seconds
        self.secureCookie = secureCookie
    }
}
