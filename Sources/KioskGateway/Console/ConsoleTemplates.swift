import Foundation
import Hummingbird
import Mustache

/// The console's Mustache templates (`console/templates/*.mustache` in the resources), loaded once
/// at start; `{{x}}` escapes HTML, so data from devices and imports cannot inject markup.
struct ConsoleTemplates: Sendable {
    private let library: MustacheLibrary

    /// Loads every template, or fails at start naming the broken file.
    static func load(from resources: GatewayResources) async throws -> ConsoleTemplates {
        let directory = resources.console.appendingPathComponent("templates", isDirectory: true)
        do {
            return ConsoleTemplates(library: try await MustacheLibrary(directory: directory.path))
        } catch {
            throw GatewayError.configuration("console templates in \(directory.path): \(error)")
        }
    }

    /// `page` rendered into an HTML response. `page` is a value whose stored properties the
    /// template reads (``ConsolePage`` adds the layout's header fields).
    func render(_ page: some ConsolePage, status: HTTPResponse.Status = .ok) -> Response {
        guard let html = library.render(page, withTemplate: page.template) else {
            return Response(
                status: .internalServerError,
                body: .init(byteBuffer: ByteBuffer(string: "template \(page.template) missing\n")))
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A page's data: the template name and the layout's fields (title, the signed-in user, the
/// navigation the user's role may see, the CSRF token of the sign-out form).
protocol ConsolePage {
    var template: String { get }
    var layout: ConsoleLayout { get }
}

/// What every page's header and navigation shows.
struct ConsoleLayout: Sendable {
    let title: String
    let staffName: String
    let roleName: String
    let csrf: String
    let navigation: [NavigationItem]
    let signedIn: Bool

    struct NavigationItem: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    /// The layout for `staff` on the page at `path`.
    init(title: String, staff: StaffSession?, path: String) {
        self.title = title
        self.staffName = staff?.name ?? ""
        self.roleName = staff?.role.chineseName ?? ""
        self.csrf = staff?.csrfToken ?? ""
        self.signedIn = staff != nil
        let items: [(String, String, StaffRole.Permission)] = [
            ("/devices", "设备总览", .viewFleet),
            ("/mail", "邮寄队列", .viewMailMasked),
            ("/evaluations", "评价", .exportEvaluations),
            ("/content", "公告与配置", .manageContent),
            ("/audit", "审计", .viewAudit),
        ]
        self.navigation = items.compactMap { href, label, permission in
            guard let staff, staff.role.allows(permission) else { return nil }
            return NavigationItem(href: href, label: label, current: path.hasPrefix(href))
        }
    }
}
