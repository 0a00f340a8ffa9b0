import Foundation
import Logging
import PostgresNIO

/// Console users, their sign-in with lockout, and their sessions, all in PostgreSQL so that any
/// replica serves any browser. Every sign-in outcome is audited (name only, never the password).
struct StaffDirectory: Sendable {
    /// Consecutive failures that lock an account.
    static let maximumFailures = 5
    /// How long a locked account stays locked.
    static let lockout: Duration = .seconds(15 * 60)
    /// How long a session lasts from sign-in (one working day and a bit).
    static let sessionLifetime: Duration = .seconds(10 * 3600)

    let database: GatewayDatabase

    /// What a sign-in attempt came to.
    enum SignIn: Sendable {
        case signedIn(StaffToken, StaffSession)
        /// Wrong name or password (the page does not say which).
        case refused
        /// Too many failures: locked until then (also when the password was right).
        case locked(until: Date)
    }

    /// Adds a user; `password` is hashed here and never stored.
    func add(name: String, role: StaffRole, password: String, actor: String) async throws {
        guard name.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
            throw StaffError.badName(name)
        }
        guard password.count >= StaffPassword.minimumLength else {
            throw StaffError.shortPassword(StaffPassword.minimumLength)
        }
        let hash = try StaffPassword.hash(password)
        let inserted = try await database.transaction { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO staff_user (name, role, password_hash) VALUES (\(name), \(role.rawValue), \(hash))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """, logger: database.logger)
            if !rows.isEmpty {
                _ = try await connection.rows(
                    """
                    INSERT INTO audit_log (actor, action, target, detail)
                    VALUES (\(actor), 'staff.add', \(name), \(role.rawValue))
                    """, logger: database.logger)
            }
            return !rows.isEmpty
        }
        guard inserted else { throw StaffError.exists(name) }
    }

    /// Checks `password` for `name`, counting failures and locking the account after
    /// ``maximumFailures``; on success starts a session (not when `sessionless`: an API call with
    /// HTTP Basic, whose returned token is unusable).
    func signIn(name: String, password: String, sessionless: Bool = false, now: Date = Date()) async throws -> SignIn {
        let rows = try await database.rows(
            """
            SELECT role, password_hash, failed_attempts, locked_until FROM staff_user
            WHERE name = \(name) AND disabled_at IS NULL
            """)
        guard let row = rows.first else {
            StaffPassword.verifyNobody(password)
            try await audit(actor: name, action: "staff.signin.refused", detail: "unknown name")
            return .refused
        }
        let (roleText, hash, failures, lockedUntil) = try row.decode((String, String, Int, Date?).self)
        if let lockedUntil, lockedUntil > now {
            try await audit(actor: name, action: "staff.signin.locked", detail: "")
            return .locked(until: lockedUntil)
        }
        guard StaffPassword.verify(password, against: hash), let role = StaffRole(rawValue: roleText) else {
            return try await recordFailure(name: name, now: now)
        }
        let token = StaffToken.random()
        let csrf = StaffToken.random().value
        if sessionless {
            if failures > 0 {
                try await database.execute("UPDATE staff_user SET failed_attempts = 0 WHERE name = \(name)")
            }
            return .signedIn(token, StaffSession(name: name, role: role, csrfToken: csrf))
        }
        let expires = now.addingTimeInterval(Self.seconds(Self.sessionLifetime))
        try await database.transaction { connection in
            _ = try await connection.rows(
                "UPDATE staff_user SET failed_attempts = 0, locked_until = NULL WHERE name = \(name)",
                logger: database.logger)
            _ = try await connection.rows(
                """
                INSERT INTO staff_session (token_hash, staff_name, csrf_token, expires_at)
                VALUES (\(token.hash), \(name), \(csrf), \(expires))
                """, logger: database.logger)
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action) VALUES (\(name), 'staff.signin')", logger: database.logger)
            // Expired sessions of anyone are of no use: sweep them here rather than in a timer.
            _ = try await connection.rows(
                "DELETE FROM staff_session WHERE expires_at < \(now)", logger: database.logger)
        }
        return .signedIn(token, StaffSession(name: name, role: role, csrfToken: csrf))
    }

    /// The live session of `token`, if any (an expired session or a disabled user has none).
    func session(token: String, now: Date = Date()) async throws -> StaffSession? {
        let hash = StaffToken(value: token).hash
        let rows = try await database.rows(
            """
            SELECT u.name, u.role, s.csrf_token FROM staff_session s JOIN staff_user u ON u.name = s.staff_name
            WHERE s.token_hash = \(hash) AND s.expires_at > \(now) AND u.disabled_at IS NULL
            """)
        guard let row = rows.first else { return nil }
        let (name, roleText, csrf) = try row.decode((String, String, String).self)
        guard let role = StaffRole(rawValue: roleText) else { return nil }
        return StaffSession(name: name, role: role, csrfToken: csrf)
    }

    /// Ends the session of `token`.
    func signOut(token: String, name: String) async throws {
        let hash = StaffToken(value: token).hash
        try await database.transaction { connection in
            _ = try await connection.rows(
                "DELETE FROM staff_session WHERE token_hash = \(hash)", logger: database.logger)
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action) VALUES (\(name), 'staff.signout')", logger: database.logger)
        }
    }

    private func recordFailure(name: String, now: Date) async throws -> SignIn {
        let lockUntil = now.addingTimeInterval(Self.seconds(Self.lockout))
        let rows = try await database.rows(
            """
            UPDATE staff_user SET failed_attempts = failed_attempts + 1,
                locked_until = CASE WHEN failed_attempts + 1 >= \(Self.maximumFailures) THEN \(lockUntil)
                                    ELSE NULL END
            WHERE name = \(name) RETURNING failed_attempts, locked_until
            """)
        let (failures, locked) = try rows.first?.decode((Int, Date?).self) ?? (0, nil)
        if let locked {
            try await audit(actor: name, action: "staff.locked", detail: "\(failures) failed sign-ins")
            return .locked(until: locked)
        }
        try await audit(actor: name, action: "staff.signin.refused", detail: "wrong password (\(failures))")
        return .refused
    }

    private func audit(actor: String, action: String, detail: String) async throws {
        // An unknown name typed at the sign-in page is recorded as typed, cut to the column's use.
        let actor = String(actor.prefix(64))
        try await database.execute(
            "INSERT INTO audit_log (actor, action, detail) VALUES (\(actor), \(action), \(detail))")
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds)
    }
}
