import Testing

@testable import KioskGateway

@Suite struct DatabaseURLTests {
    @Test func tcpURLWithPasswordIsRedacted() throws {
        let url = try DatabaseURL("postgres://gw:s%40cret@db.example:6543/fleet?sslmode=require")
        #expect(url.user == "gw" && url.password == "s@cret" && url.host == "db.example" && url.port == 6543)
        #expect(url.database == "fleet" && url.sslMode == "require" && url.socketDirectory == nil)
        #expect(url.redacted == "postgres://gw:***@db.example:6543/fleet")
    }

    @Test func socketDirectoryFromHostParameter() throws {
        let url = try DatabaseURL("postgres://gw@/fleet?host=/run/postgresql")
        #expect(url.socketDirectory == "/run/postgresql" && url.port == 5432)
    }

    @Test(arguments: [
        "mysql://a@b/c", "postgres://host/db", "postgres://u@host/", "postgres://u@h/db?sslmode=verify-full",
    ])
    func badURLsAreRefusedWithAReason(_ text: String) {
        #expect(DatabaseURL.problem(in: text) != nil)
    }

    @Test func configurationNamesEveryKeyAndRejectsUnknownOnes() throws {
        #expect(GatewayConfiguration.allKeys.contains("database.url"))
        #expect(GatewayConfiguration.allKeys.count == 14)
        #expect(throws: (any Error).self) {
            _ = try GatewayConfiguration.resolve(path: "/nonexistent/gateway.toml", environment: [:])
        }
    }
}
