import Foundation
import KioskConfigFile
import KioskTestSupport
import Testing

@testable import KioskApp

@Suite struct ConfigurationTests {
    @Test func emptyFileGivesTheDefaults() throws {
        #expect(try KioskConfiguration.parse("") == KioskConfiguration())
    }

    /// WCAG 2.2.1: a citizen warned of the time-out gets at least 20 s to answer it.
    @Test func theIdleCountdownGivesAtLeastTwentySeconds() {
        #expect(KioskConfiguration().session.countdownSeconds >= 20)
    }

    @Test func readsEveryKindOfValue() throws {
        let configuration = try KioskConfiguration.parse(
            """
            # a comment
            [site]
            name = "朝阳区政务服务中心"
            terminal_id = "CY-07"

            [reader]
            baud = 9600
            driver = "simulator"

            [printer]
            native_qr = true
            profile = "58mm"

            [maintenance]
            key_sequence = [
              "F1",
              "F2",
            ]

            [logging]
            level = "debug"
            """)
        #expect(configuration.site.name == "朝阳区政务服务中心")
        #expect(configuration.site.terminalId == "CY-07")
        #expect(configuration.reader.baud == 9600)
        #expect(configuration.reader.driver == .simulator)
        #expect(configuration.printer.nativeQR)
        #expect(configuration.printer.profile == .mm58)
        #expect(configuration.maintenance.keySequence == ["F1", "F2"])
        #expect(configuration.logging.level == .debug)
    }

    @Test(arguments: [
        ("[reader]\nbaud = 12345\n", "reader.baud", 2, "not allowed"),
        ("[reader]\n\nbaud = \"fast\"\n", "reader.baud", 3, "expected an integer"),
        ("[site]\nnmae = \"x\"\n", "site.nmae", 2, "unknown key (did you mean site.name?)"),
        ("[session]\nidle_timeout_seconds = 5\n", "session.idle_timeout_seconds", 2, "out of range"),
        ("[session]\ncountdown_seconds = 15\n", "session.countdown_seconds", 2, "out of range"),
        ("[printer]\nprofile = \"76mm\"\n", "printer.profile", 2, "is not one of"),
        ("[site]\nregion_code = \"11010\"\n", "site.region_code", 2, "must be 6 digits"),
        ("[colour]\nx = 1\n", "colour", 1, "unknown key"),
        ("reader = 3\n", "reader", 1, "must be a table"),
        ("[retention]\naudit_days = 30\n", "retention.audit_days", 2, "out of range (183"),
        ("[receipt]\nqr_url_template = \"https://x.example/q\"\n", "receipt.qr_url_template", 2, "{id}"),
    ])
    func invalidValuesNameTheKeyAndLine(text: String, key: String, line: Int, message: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try KioskConfiguration.parse(text, path: "kiosk.toml")
        }
        let issue = try #require(error.issues.first { $0.key == key })
        #expect(issue.line == line)
        #expect(issue.message.contains(message))
        #expect(error.description.contains("kiosk.toml:"))
        #expect(error.description.contains("line \(line)"))
    }

    @Test func reportsAllProblemsAtOnce() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try KioskConfiguration.parse("[reader]\nbaud = 1\nport = \"dev\"\n[ui]\ntheme = \"pink\"\n")
        }
        #expect(error.issues.map(\.key) == ["reader.baud", "reader.port", "ui.theme"])
        #expect(error.issues.map(\.line) == [2, 3, 5])
    }

    @Test func syntaxErrorsCarryTheLine() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try KioskConfiguration.parse("[site]\nname = \"unterminated\n")
        }
        #expect(error.issues.first?.line == 2)
        #expect(error.issues.first?.message.contains("not valid TOML") == true)
    }

    @Test func missingFileIsUnreadable() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try KioskConfiguration.load(path: "/nonexistent/kiosk.toml")
        }
        #expect(error.description.contains("cannot read configuration /nonexistent/kiosk.toml"))
    }

    /// docs/configuration.md documents every key the kiosk reads, and no key it does not read.
    @Test func everyKeyIsDocumented() throws {
        let docs = try String(contentsOf: repositoryRoot.appending(path: "docs/configuration.md"), encoding: .utf8)
        for key in KioskConfiguration.allKeys {
            let name = key.split(separator: ".").last!
            let section = key.split(separator: ".").first!
            #expect(docs.contains("[\(section)]"), "section [\(section)] missing from docs/configuration.md")
            #expect(docs.contains("`\(name)`"), "key \(key) missing from docs/configuration.md")
        }
    }

    /// The example configuration shipped in the repository is valid.
    @Test func shippedExampleIsValid() throws {
        let path = repositoryRoot.appending(path: "assets/kiosk.example.toml").path
        _ = try KioskConfiguration.load(path: path)
    }
}
