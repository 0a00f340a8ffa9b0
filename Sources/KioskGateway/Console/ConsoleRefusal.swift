import Hummingbird

/// A console request refused with a page in Chinese (the role may not, the form was stale, the
/// input was wrong), rendered by ``ConsoleErrorMiddleware``.
struct ConsoleRefusal: Error, Sendable {
    let status: HTTPResponse.Status
    /// What the page says, in Chinese.
    let message: String

    static let forbidden = ConsoleRefusal(status: .forbidden, message: "您的角色无权进行此操作。")
    static let staleForm = ConsoleRefusal(
        status: .forbidden, message: "表单已失效（安全校验未通过），请返回后刷新页面再提交。")
    static func notFound(_ what: String) -> ConsoleRefusal { ConsoleRefusal(status: .notFound, message: "未找到\(what)。") }
    static func badInput(_ message: String) -> ConsoleRefusal { ConsoleRefusal(status: .badRequest, message: message) }
}
