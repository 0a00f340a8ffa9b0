import Hummingbird

/// Renders a ``ConsoleRefusal`` as a Chinese page with the layout, so a refused form says why.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    let templates: ConsoleTemplates

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as ConsoleRefusal {
            let page = RefusalPage(
                layout: ConsoleLayout(title: "无法完成", staff: context.staff, path: request.uri.path),
                message: refusal.message)
            return templates.render(page, status: refusal.status)
        }
    }
}

/// The page of a refused request.
struct RefusalPage: ConsolePage {
    let template = "refusal"
    let layout: ConsoleLayout
    let message: String
}
