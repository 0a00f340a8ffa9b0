import Foundation
import Testing

/// The real `kiosk demo` in a real pseudo-terminal, read by an independent terminal emulator.
@Suite(.enabled(if: PTYScreen.isAvailable, "needs KIOSK_TEST_PYTHON (scripts/test sets it)"))
struct DemoScreenTests {
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func homeScreenCardAndQuitAtEverySize(columns: Int, rows: Int) async throws {
        let state = try E2E.stateDirectory()
        let screen = PTYScreen(columns: columns, rows: rows)
        let result = try await screen.run(
            [E2E.kiosk, "demo", "--state-directory", state],
            actions: [
                .wait("请将身份证放在读卡区"),
                .snapshot("home"),
                .tap("李建国"),
                .wait("440***********0016"),
                .sleep(0.5),
                .snapshot("list"),
                .send("\u{11}"),  // Ctrl-Q, the demo's quit key
                .waitExit(10),
            ])
        #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
        let home = try result.snapshot("home")
        #expect(home.problems.isEmpty, "layout problems: \(home.problems)")
        #expect(home.text.contains("个人信息告知"))
        let list = try result.snapshot("list")
        #expect(list.problems.isEmpty, "layout problems: \(list.problems)")
        #expect(list.text.contains("李*国"))
        #expect(!list.text.contains("李建国"), "the full name must never be on screen")
        #expect(!list.text.contains("440106198703150016"), "the full ID number must never be on screen")
        #expect(result.exitCode == 0)
        #expect(result.termiosRestored, "terminal settings not restored after quit")
        #expect(result.tail.contains("\u{1B}[?1049l"), "alternate screen not left")
        #expect(result.tail.contains("\u{1B}[?25h"), "cursor not shown again")
    }

    @Test func resizeRepaintsAtTheNewSize() async throws {
        let state = try E2E.stateDirectory()
        let result = try await PTYScreen(columns: 120, rows: 40).run(
            [E2E.kiosk, "demo", "--state-directory", state],
            actions: [
                .wait("请将身份证放在读卡区"),
                .resize(columns: 80, rows: 24),
                .sleep(1),
                .snapshot("small"),
                .send("\u{11}"),
                .waitExit(10),
            ])
        let small = try result.snapshot("small")
        #expect(small.size == [80, 24])
        #expect(small.problems.isEmpty, "layout problems: \(small.problems)")
        #expect(small.text.contains("请将身份证放在读卡区"))
        #expect(small.lines.allSatisfy { $0.count <= 80 })
    }

    @Test func productionModeIgnoresTheDemoQuitKeyAndStopsOnSIGTERM() async throws {
        let state = try E2E.stateDirectory()
        let config = try E2E.writeConfig(in: state)
        let result = try await PTYScreen().run(
            [E2E.kiosk, "run", "--config", config.path, "--state-directory", state],
            actions: [
                .wait("请将身份证放在读卡区"),
                // Ctrl-Q, Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S; Alt-x, Alt-F4, F5, Ctrl-Alt-Delete as a terminal sends them.
                .send("\u{11}\u{03}\u{1A}\u{1C}\u{13}\u{1B}x\u{1B}[1;3S\u{1B}[15~\u{1B}[3;7~"),
                .sleep(1),
                .snapshot("still"),
                .signal("TERM"),
                .waitExit(10),
            ])
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(try result.snapshot("still").text.contains("请将身份证放在读卡区"), "a control key ended the kiosk")
        #expect(result.exitCode == 0)
        #expect(result.termiosRestored)
    }
}
