import Foundation
import Hummingbird
import KioskCore

/// `/signin` and `/signout`. The sign-in form is protected against login CSRF with a double-submit
/// token (a `kg_signin` cookie whose value the form carries back).
enum SignInRoutes {
    static let formCookie = "kg_signin"

    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/signin") { request, context -> Response in
            if context.staff != nil { return .redirect(to: "/devices", type: .found) }
            return signInPage(environment, request: request, message: nil, status: .ok)
        }
        router.post("/signin") { request, context -> Response in
            let form = try await ConsoleForm.read(request)
            guard let cookie = request.cookies[formCookie]?.value, !cookie.isEmpty,
                ConstantTime.equals(Array(cookie.utf8), Array(form["csrf"].utf8))
            else {
                return signInPage(
                    environment, request: request, message: "页面已过期，请重新登录。", status: .forbidden)
            }
            switch try await environment.staff.signIn(name: form["name"], password: form.fields["password"] ?? "") {
            case .signedIn(let token, _):
                var response = Response.redirect(to: "/devices", type: .found)
                response.setCookie(sessionCookie(token.value, environment: environment, maxAge: nil))
                response.setCookie(Cookie(name: formCookie, value: "", maxAge: 0, path: "/signin", httpOnly: true))
                return response
            case .refused:
                return signInPage(environment, request: request, message: "用户名或密码不正确。", status: .ok)
            case .locked(let until):
                let time = StaffTime.format(until)
                return signInPage(
                    environment, request: request,
                    message: "连续输错次数过多，账号已锁定至 \(time)，请稍后再试或联系管理员。",
                    status: .ok)
            }
        }
        router.post("/signout") { request, context -> Response in
            let staff = try context.requireStaff()
            _ = try await ConsoleForm.read(request, checkedFor: staff)
            if let token = context.sessionToken {
                try await environment.staff.signOut(token: token, name: staff.name)
            }
            var response = Response.redirect(to: "/signin", type: .found)
            response.setCookie(sessionCookie("", environment: environment, maxAge: 0))
            return response
        }
    }

    /// The session cookie: HttpOnly, SameSite=Strict, and `Secure` unless `console.secure_cookies`
    /// is false (plain-HTTP tests only; in a hall the console sits behind a TLS reverse proxy).
    static func sessionCookie(_ value: String, environment: ConsoleEnvironment, maxAge: Int?) -> Cookie {
        Cookie(
            name: ConsoleAuthMiddleware.cookieName, value: value, maxAge: maxAge, path: "/",
            secure: environment.configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    private static func signInPage(
        _ environment: ConsoleEnvironment, request: Request, message: String?, status: HTTPResponse.Status
    ) -> Response {
        // Keep the token of a sign-in page open in another tab (or of the browser's own extra
        // requests that land here), so that its form stays valid.
        let token = request.cookies[formCookie]?.value.nilIfEmpty ?? StaffToken.random().value
        var response = environment.templates.render(
            SignInPage(
                layout: ConsoleLayout(title: "登录", staff: nil, path: "/signin"), csrf: token, message: message),
            status: status)
        response.setCookie(Cookie(name: formCookie, value: token, path: "/signin", httpOnly: true, sameSite: .strict))
        return response
    }
}

/// The sign-in page.
struct SignInPage: ConsolePage {
    let template = "signin"
    let layout: ConsoleLayout
    let csrf: String
    let message: String?
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
