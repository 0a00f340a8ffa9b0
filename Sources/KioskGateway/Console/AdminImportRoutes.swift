import Foundation
import Hummingbird
import KioskCore

/// `POST /v1/admin/cases/import?region=CODE`: the kiosk's applications format (the same parser and
/// messages as `kiosk data import applications` and `kiosk-gateway cases import`), stored with
/// the change feed in one transaction. For scripts of the upstream system: HTTP Basic with an
/// `admin` console account (the password is checked, counted and locked out as at the sign-in
/// page); no cookie is accepted and no `WWW-Authenticate` challenge is sent (a browser never
/// caches the credentials), so a page elsewhere cannot forge the call.
enum AdminImportRoutes {
    /// Largest accepted file (a city's daily export is a few MB).
    static let maximumBody = 64 * 1024 * 1024

    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.post("/v1/admin/cases/import") { request, _ -> Response in
            // Only a script can send this type without a CORS preflight, which the console never
            // allows: a page elsewhere cannot make a signed-in browser post here.
            guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
                throw ProblemError(status: .unsupportedMediaType, title: "send application/json")
            }
            let actor = try await authenticate(request, environment: environment)
            guard let region = request.uri.queryParameters["region"].map(String.init) else {
                throw ProblemError(
                    status: .badRequest, title: "missing region", detail: "add ?region=CODE (six digits)")
            }
            let body = try await request.body.collect(upTo: maximumBody)
            let count: Int
            do {
                count = try await CaseImport.run(
                    data: Data(body.readableBytesView), region: region, actor: actor, database: environment.database)
            } catch let error as CaseFileImportError {
                throw ProblemError(
                    status: .unprocessableContent, title: "invalid applications file", detail: "\(error)")
            } catch let error as CaseImportError {
                throw ProblemError(status: .unprocessableContent, title: "invalid import", detail: "\(error)")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "{\"imported\":\(count)}\n")))
        }
    }

    /// The admin named by the `Authorization: Basic` header.
    private static func authenticate(_ request: Request, environment: ConsoleEnvironment) async throws -> String {
        guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        else {
            throw ProblemError(
                status: .unauthorized, title: "authentication required",
                detail: "HTTP Basic with an admin console account")
        }
        let name = String(decoded[..<colon])
        let password = String(decoded[decoded.index(after: colon)...])
        switch try await environment.staff.signIn(name: name, password: password, sessionless: true) {
        case .signedIn(_, let session) where session.role.allows(.importCases):
            return session.name
        case .signedIn:
            throw ProblemError(status: .forbidden, title: "forbidden", detail: "the account is not an admin")
        case .refused:
            throw ProblemError(status: .unauthorized, title: "wrong name or password")
        case .locked(let until):
            throw ProblemError(
                status: .tooManyRequests, title: "account locked",
                detail: "too many failed attempts; locked until \(StaffTime.format(until))")
        }
    }
}
