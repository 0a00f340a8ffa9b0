import Foundation
import Testing

/// systemd/foot.ini leaves no foot binding enabled and keeps no scrollback.
@Suite struct FootConfigTests {
    /// Every action of foot 1.13.1 (Debian 12), per binding section, from foot.ini(5) and the
    /// packaged /etc/xdg/foot/foot.ini. [text-bindings] has no actions and no defaults.
    static let actions: [String: [String]] = [
        "key-bindings": [
            "scrollback-up-page", "scrollback-up-half-page", "scrollback-up-line", "scrollback-down-page",
            "scrollback-down-half-page", "scrollback-down-line", "clipboard-copy", "clipboard-paste",
            "primary-paste", "search-start", "font-increase", "font-decrease", "font-reset", "spawn-terminal",
            "minimize", "maximize", "fullscreen", "pipe-visible", "pipe-scrollback", "pipe-selected",
            "show-urls-launch", "show-urls-copy", "show-urls-persistent", "prompt-prev", "prompt-next",
            "unicode-input", "noop",
        ],
        "search-bindings": [
            "cancel", "commit", "find-prev", "find-next", "cursor-left", "cursor-left-word", "cursor-right",
            "cursor-right-word", "cursor-home", "cursor-end", "delete-prev", "delete-prev-word", "delete-next",
            "delete-next-word", "extend-to-word-boundary", "extend-to-next-whitespace", "clipboard-paste",
            "primary-paste", "unicode-input",
        ],
        "url-bindings": ["cancel", "toggle-url-visible"],
        "mouse-bindings": [
            "selection-override-modifiers", "primary-paste", "select-begin", "select-begin-block", "select-extend",
            "select-extend-character-wise", "select-word", "select-word-whitespace", "select-row",
        ],
    ]

    static var footINI: URL { OpsFixtures.systemdDirectory.appendingPathComponent("foot.ini") }

    @Test(arguments: actions.keys.sorted())
    func everyActionIsNone(section: String) throws {
        let ini = try UnitFile(contentsOf: Self.footINI)
        let expected = try #require(Self.actions[section])
        for action in expected {
            #expect(ini.values(section, action) == ["none"], "[\(section)] \(action)")
        }
        // Nothing else in the section: a misspelt action would leave the real one on its default.
        #expect(Set(ini.keys(section)) == Set(expected))
        #expect(ini.keys(section).count == expected.count)
    }

    @Test func noTextBindingsAndNoScrollback() throws {
        let ini = try UnitFile(contentsOf: Self.footINI)
        #expect(ini.keys("text-bindings").isEmpty)
        #expect(ini.value("scrollback", "lines") == "0")
    }

    @Test func theKioskIsTheShell() throws {
        let ini = try UnitFile(contentsOf: Self.footINI)
        #expect(ini.value("", "shell")?.hasPrefix("/usr/local/bin/kiosk run") == true)
        #expect(ini.value("", "login-shell") == "no")
        #expect(ini.value("url", "launch") == "/bin/true")
        #expect(ini.value("", "notify") == "/bin/true")
    }

    /// foot itself accepts the file (`foot --check-config`, foot ≥ 1.12), so no key is misspelt
    /// or invalid. Needs package `foot`; skipped without it under plain `swift test`.
    @Test(.enabled(if: OpsFixtures.tool("foot") != nil || OpsFixtures.runByScriptsTest))
    func footAcceptsTheFile() async throws {
        let foot = try #require(OpsFixtures.tool("foot"), "foot (package foot) is not installed")
        let result = try await OpsFixtures.run(foot, ["--config=\(Self.footINI.path)", "--check-config"])
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("err:") || $0.contains("warn:") }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    /// The check above can fail: foot rejects an unknown action.
    @Test(.enabled(if: OpsFixtures.tool("foot") != nil || OpsFixtures.runByScriptsTest))
    func footRejectsAnUnknownAction() async throws {
        let foot = try #require(OpsFixtures.tool("foot"), "foot (package foot) is not installed")
        let directory = try OpsFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("foot.ini")
        try "[key-bindings]\nspawn-terminals=none\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = try await OpsFixtures.run(foot, ["--config=\(broken.path)", "--check-config"])
        #expect(result.status != 0)
    }
}
