import Foundation
import HTTPTypes
import Hummingbird

/// Finds the signed-in user from the `kg_session` cookie and sends anyone else to `/signin`.
/// Public paths: the sign-in page, static files and the probes; `/v1/admin/…` checks its own
/// credentials (``AdminImportRoutes``) and is never given the cookie's session.
/// Also sets the console's security headers on every answer.
struct ConsoleAuthMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    static let cookieName = "kg_session"
    let staff: StaffDirectory

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let path = request.uri.path
        if !path.hasPrefix("/v1/"), let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
            let session = try await staff.session(token: token)
        {
            context.staff = session
            context.sessionToken = token
        }
        let isPublic =
            path == "/signin" || path.hasPrefix("/static/") || path == "/favicon.ico" || path == "/healthz"
            || path == "/readyz"
            || path == "/metrics"
        // The admin API authenticates each call itself (HTTP Basic, never the cookie).
        let isAPI = path.hasPrefix("/v1/")
        if !isPublic && !isAPI && context.staff == nil {
            return .redirect(to: "/signin", type: .found)
        }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; style-src 'self'; script-src 'none'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if !path.hasPrefix("/static/") { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
