import Foundation
import KioskTestSupport

/// A browser-like client of the staff console over curl: a cookie jar, forms posted URL-encoded,
/// redirects not followed (tests look at them).
struct ConsoleClient: Sendable {
    let gateway: RunningGateway
    private let jar: String

    init(gateway: RunningGateway) {
        self.gateway = gateway
        self.jar = gateway.directory.appendingPathComponent("cookies-\(UUID().uuidString.prefix(8)).txt").path
    }

    func get(_ path: String) async throws -> HTTPReply {
        try await Curl.request("GET", gateway.consoleURL + path, extraArguments: ["-b", jar, "-c", jar])
    }

    /// Posts `fields` as `application/x-www-form-urlencoded`.
    func post(_ path: String, _ fields: [(String, String)]) async throws -> HTTPReply {
        let arguments = fields.flatMap { ["--data-urlencode", "\($0.0)=\($0.1)"] }
        return try await Curl.request(
            "POST", gateway.consoleURL + path, extraArguments: ["-b", jar, "-c", jar] + arguments)
    }

    /// Opens the sign-in page and submits it; the answer to the form.
    func signIn(_ name: String, _ password: String) async throws -> HTTPReply {
        let page = try await get("/signin")
        let token = try Self.csrf(in: page.text)
        return try await post("/signin", [("csrf", token), ("name", name), ("password", password)])
    }

    /// The CSRF token of the first form of `html`.
    static func csrf(in html: String) throws -> String {
        guard let range = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else {
            throw HarnessError("no csrf field in the page")
        }
        let match = html[range]
        return String(match.split(separator: "\"")[3])
    }

    /// `staff add NAME --role ROLE --password-stdin` on the gateway.
    static func addStaff(_ name: String, role: String, password: String, gateway: RunningGateway) async throws {
        let added = try await gateway.cli(
            ["staff", "add", name, "--role", role, "--password-stdin"], input: Data((password + "\n").utf8))
        guard added.status == 0 else { throw HarnessError("staff add \(name): \(added.standardError)") }
    }
}
