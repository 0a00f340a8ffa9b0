import Foundation
import Hummingbird

/// The staff console's pages (server-rendered, Chinese, no JavaScript): sign-in, 设备总览,
/// 设备详情, 邮寄队列, 评价, 公告与配置, 审计, the static style sheet, and the admin import API.
enum ConsoleRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) throws {
        router.add(middleware: ConsoleAuthMiddleware(staff: environment.staff))
        router.add(middleware: ConsoleErrorMiddleware(templates: environment.templates))
        let styleSheet = try Data(
            contentsOf: environment.resources.console.appendingPathComponent("static/console.css"))
        router.get("/static/console.css") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: styleSheet)))
        }
        // Browsers ask for it on every first visit; there is none.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        SignInRoutes.register(on: router, environment: environment)
        FleetRoutes.register(on: router, environment: environment)
        DeviceDetailRoutes.register(on: router, environment: environment)
        MailQueueRoutes.register(on: router, environment: environment)
        EvaluationRoutes.register(on: router, environment: environment)
        ContentRoutes.register(on: router, environment: environment)
        AuditRoutes.register(on: router, environment: environment)
        AdminImportRoutes.register(on: router, environment: environment)
    }
}
