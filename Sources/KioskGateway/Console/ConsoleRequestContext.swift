import Hummingbird

/// The request context of the staff console: the signed-in user, set by ``ConsoleAuthMiddleware``.
struct ConsoleRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The session of the `kg_session` cookie; nil on the public pages.
    var staff: StaffSession?
    /// The cookie's token (to end the session at sign-out).
    var sessionToken: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The signed-in user; pages behind the middleware can rely on it.
    func requireStaff() throws -> StaffSession {
        guard let staff else { throw HTTPError(.unauthorized) }
        return staff
    }

    /// The signed-in user when their role allows `permission`; otherwise a 403 page.
    func require(_ permission: StaffRole.Permission) throws -> StaffSession {
        let staff = try requireStaff()
        guard staff.role.allows(permission) else { throw ConsoleRefusal.forbidden }
        return staff
    }
}
