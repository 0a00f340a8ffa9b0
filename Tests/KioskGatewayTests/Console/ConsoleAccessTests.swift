import Foundation
import KioskTestSupport
import Testing

/// Sign-in, lockout, sessions, CSRF and roles of the staff console, on the real binary over HTTP.
@Suite(.serialized) struct ConsoleAccessTests {
    static let password = "correct horse 42"

    @Test func staffAddRefusesWeakInputAndNeverTakesThePasswordAsAnArgument() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let short = try await gateway.cli(
            ["staff", "add", "clerk", "--role", "postal", "--password-stdin"], input: Data("short\n".utf8))
        #expect(short.status != 0)
        #expect(short.standardError.contains("password too short"), "\(short.standardError)")
        let role = try await gateway.cli(
            ["staff", "add", "clerk", "--role", "boss", "--password-stdin"], input: Data("long enough 123\n".utf8))
        #expect(role.status != 0)
        #expect(role.standardError.contains("unknown --role boss"), "\(role.standardError)")
        let noStdin = try await gateway.cli(["staff", "add", "clerk", "--role", "postal"])
        #expect(noStdin.status != 0)
        #expect(noStdin.standardError.contains("--password-stdin is required"), "\(noStdin.standardError)")
        try await ConsoleClient.addStaff("clerk", role: "postal", password: Self.password, gateway: gateway)
        let again = try await gateway.cli(
            ["staff", "add", "clerk", "--role", "postal", "--password-stdin"], input: Data("another one 123\n".utf8))
        #expect(again.standardError.contains("already exists"), "\(again.standardError)")
        let stored = try await database.sql("SELECT password_hash FROM staff_user WHERE name = 'clerk'")
        let hash = try #require(stored.first?.first ?? nil)
        #expect(hash.hasPrefix("pbkdf2-sha256$600000$"), "\(hash)")
        #expect(!hash.contains(Self.password))
        await gateway.stop()
        try await database.drop()
    }

    @Test func pagesNeedASignInAndTheSessionCookieIsLockedDown() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("admin", role: "admin", password: Self.password, gateway: gateway)
        let browser = ConsoleClient(gateway: gateway)
        let anonymous = try await browser.get("/devices")
        #expect(anonymous.status == 302)
        #expect(anonymous.headers["location"] == "/signin")
        let signIn = try await browser.signIn("admin", Self.password)
        #expect(signIn.status == 302, "\(signIn.text)")
        #expect(signIn.headers["location"] == "/devices")
        let cookies = try #require(signIn.headers["set-cookie"]).split(separator: "\n")
        let cookie = try #require(cookies.first { $0.hasPrefix("kg_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Path=/"))
        let overview = try await browser.get("/devices")
        #expect(overview.status == 200)
        #expect(overview.text.contains("<h1>设备总览</h1>"))
        #expect(overview.headers["content-security-policy"]?.contains("script-src 'none'") == true)
        #expect(overview.headers["x-frame-options"] == "DENY")
        #expect(overview.headers["cache-control"] == "no-store")
        // Sign-out needs the session's CSRF token; afterwards the old cookie is worthless.
        let token = try ConsoleClient.csrf(in: overview.text)
        let forged = try await browser.post("/signout", [("csrf", "not-the-token")])
        #expect(forged.status == 403)
        #expect(forged.text.contains("表单已失效"))
        let signedOut = try await browser.post("/signout", [("csrf", token)])
        #expect(signedOut.status == 302)
        #expect(try await browser.get("/devices").status == 302)
        let audit = try await database.sql("SELECT action FROM audit_log WHERE actor = 'admin' ORDER BY id")
        #expect(audit.map { $0[0] } == ["staff.signin", "staff.signout"])
        await gateway.stop()
        try await database.drop()
    }

    @Test func fiveWrongPasswordsLockTheAccountEvenForTheRightOne() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: Self.password, gateway: gateway)
        let browser = ConsoleClient(gateway: gateway)
        for attempt in 1...4 {
            let wrong = try await browser.signIn("clerk", "wrong password \(attempt)")
            #expect(wrong.status == 200)
            #expect(wrong.text.contains("用户名或密码不正确"))
        }
        let fifth = try await browser.signIn("clerk", "wrong password 5")
        #expect(fifth.text.contains("账号已锁定"), "\(fifth.text)")
        let right = try await browser.signIn("clerk", Self.password)
        #expect(right.status == 200, "no session while locked")
        #expect(right.text.contains("账号已锁定"))
        #expect(right.headers["set-cookie"]?.contains("kg_session") != true)
        // The same answer for a name that does not exist: the page never says which part was wrong.
        let unknown = try await browser.signIn("nobody", Self.password)
        #expect(unknown.text.contains("用户名或密码不正确"))
        let audit = try await database.sql(
            "SELECT action FROM audit_log WHERE action LIKE 'staff.%' AND action <> 'staff.add' ORDER BY id")
        #expect(
            audit.map { $0[0] }
                == Array(repeating: "staff.signin.refused", count: 4) + [
                    "staff.locked", "staff.signin.locked", "staff.signin.refused",
                ])
        // An operator can lift the lock in the database; the right password then works.
        try await database.sql("UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE name = 'clerk'")
        #expect(try await browser.signIn("clerk", Self.password).status == 302)
        await gateway.stop()
        try await database.drop()
    }

    @Test func aSignInFormFromAnotherPageIsRefused() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("admin", role: "admin", password: Self.password, gateway: gateway)
        // Login CSRF: a form posted without the token of our own sign-in page (and its cookie).
        let browser = ConsoleClient(gateway: gateway)
        let forged = try await browser.post("/signin", [("csrf", "x"), ("name", "admin"), ("password", Self.password)])
        #expect(forged.status == 403)
        #expect(forged.text.contains("页面已过期"))
        await gateway.stop()
        try await database.drop()
    }

    @Test func rolesSeeOnlyTheirPagesAndForms() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("watch", role: "viewer", password: Self.password, gateway: gateway)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: Self.password, gateway: gateway)
        let viewer = ConsoleClient(gateway: gateway)
        #expect(try await viewer.signIn("watch", Self.password).status == 302)
        let overview = try await viewer.get("/devices")
        #expect(overview.text.contains("href=\"/mail\""))
        #expect(!overview.text.contains("href=\"/audit\""), "the navigation shows only allowed pages")
        for path in ["/audit", "/content", "/evaluations", "/mail/export.csv", "/evaluations/export.csv"] {
            let page = try await viewer.get(path)
            #expect(page.status == 403, "\(path)")
            #expect(page.text.contains("您的角色无权进行此操作"), "\(path)")
        }
        let token = try ConsoleClient.csrf(in: overview.text)
        let handOver = try await viewer.post("/mail/1/handover", [("csrf", token), ("waybill", "EA123456789CN")])
        #expect(handOver.status == 403)
        let clerk = ConsoleClient(gateway: gateway)
        #expect(try await clerk.signIn("clerk", Self.password).status == 302)
        #expect(try await clerk.get("/mail/export.csv").status == 200)
        #expect(try await clerk.get("/audit").status == 403)
        await gateway.stop()
        try await database.drop()
    }
}
