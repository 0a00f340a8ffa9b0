import Hummingbird
import Logging
import PostgresNIO

/// Turns every error of the device API into RFC 9457 problem+json (the contract of openapi.yaml):
/// Hummingbird's own errors (bad JSON 400, body too large 413, …) keep their status; a database
/// that cannot be reached is 503 with `Retry-After`; anything else is logged and answered 500
/// without internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ProblemError {
            throw error
        } catch let error as any HTTPResponseError {
            throw ProblemError(status: error.status, title: error.status.reasonPhrase)
        } catch let error as PSQLError where Self.isUnavailable(error) {
            context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error.code))"])
            throw ProblemError.unavailable("the database is unavailable; retry later", retryAfterSeconds: 10)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            throw ProblemError(status: .internalServerError, title: "internal error")
        }
    }

    /// Connection-level failures (the pool cannot reach PostgreSQL, or a connection dropped).
    private static func isUnavailable(_ error: PSQLError) -> Bool {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed:
            true
        default:
            false
        }
    }
}
