import KioskCore
import KioskTerminal
import KioskUI
import Testing

/// The whole citizen journey through the shell, rendered at every size, ending with a screen that
/// holds nothing of the citizen.
@Suite struct ShellJourneyTests {
    static let holder = "张晓梅"
    static let idNumber = "11010519491231002X"
    /// The address on record that `FakeBackend` offers.
    static let fullAddress = "北京市东城区东四北大街1号"

    /// Strings that must never be on screen once the session has ended.
    static func personalStrings(_ rows: [CaseFileRow]) -> [String] {
        [Masking.name(holder), Masking.idNumber(idNumber), "138****5678", "北京市东城区****", Self.fullAddress]
            + rows.flatMap { [$0.itemName, $0.number] }
    }

    @Test(
        "card → list → detail → mail → receipt → rating → end → home, nothing personal left", arguments: Fixtures.sizes)
    func fullJourney(size: Size) async throws {
        var driver = ShellDriver(size: size)
        let rows = await driver.backend.rows
        await driver.advance(.seconds(1))
        var frame = await driver.frame()
        #expect(frame.text.contains("请将身份证放在读卡区"))
        #expect(frame.text.contains("个人信息告知"))

        await driver.card(.reading)
        #expect(await driver.shell.screen == .reading)
        await driver.card(.inserted(Fixtures.citizen(Self.holder, id: Self.idNumber), session: SessionToken(42)))
        frame = await driver.frame()
        #expect(await driver.shell.screen == .caseFiles(page: 0))
        #expect(frame.text.contains("张*梅"))
        #expect(frame.text.contains("110***********002X"))
        #expect(!frame.text.contains(Self.idNumber))
        #expect(frame.text.contains(rows[0].itemName))
        #expect(frame.text.contains("超期"))
        #expect(frame.wideGlyphViolations.isEmpty)

        // Open the first 办件 with its digit shortcut.
        await driver.key(.character("1"))
        frame = await driver.frame()
        #expect(await driver.shell.screen == .detail(Fixtures.detail(rows[0])))
        #expect(frame.text.contains("打印回执"))
        #expect(frame.text.contains("免费邮寄"))
        #expect(frame.text.contains("[已完成] 受理"))

        await driver.tap(.requestMail)
        frame = await driver.frame()
        #expect(frame.text.contains("请输入收件人手机号码"))
        // Half with the on-screen keypad, half with the hardware keys.
        for digit in "13812" { await driver.tap(.keypad(.character(digit))) }
        await driver.type("345678")
        frame = await driver.frame()
        #expect(frame.text.contains("13812345678_"))
        await driver.key(.enter)
        frame = await driver.frame()
        #expect(frame.text.contains("登记地址：北京市东城区****"))
        #expect(!frame.text.contains(Self.fullAddress))
        await driver.tap(.chooseAddress(id: "record"))
        frame = await driver.frame()
        #expect(frame.text.contains("请核对邮寄信息"))
        // The card holder checks the full address on the summary; it goes with the session.
        #expect(frame.text.contains(Self.fullAddress))
        #expect(frame.text.contains("138****5678"))
        #expect(!frame.text.contains("13812345678"))
        await driver.tap(.submit)
        frame = await driver.frame()
        #expect(frame.text.contains("邮寄申请已提交"))
        #expect(frame.text.contains("YJ2026112200001"))
        await driver.tap(.printMailReceipt)

        // The rating opens by itself after the completed transaction.
        frame = await driver.frame()
        guard case .rating = await driver.shell.screen else {
            Issue.record("expected the rating screen")
            return
        }
        for level in ["非常满意", "满意", "基本满意", "不满意", "非常不满意", "跳过"] { #expect(frame.text.contains(level)) }
        #expect(frame.text.contains("打印完成"))
        await driver.tap(.rate(.verySatisfied))
        frame = await driver.frame()
        #expect(await driver.shell.screen == .end(thanked: true))
        #expect(frame.text.contains("请取走身份证和凭条"))

        let calls = await driver.backend.calls
        #expect(calls.last == "endSession")
        #expect(await driver.backend.ended == [SessionToken(42)])
        #expect(await driver.backend.evaluations.map(\.level) == [.verySatisfied])
        #expect(await driver.shell.state.session == nil)
        for secret in Self.personalStrings(rows) {
            #expect(!frame.text.contains(secret), "\(secret) still on the end screen")
        }

        await driver.advance(.seconds(9))
        frame = await driver.frame()
        #expect(await driver.shell.screen == .home)
        for secret in Self.personalStrings(rows) {
            #expect(!frame.text.contains(secret), "\(secret) still on the home screen")
        }
    }

    @Test(
        "removing the card mid-flow ends the session and the next frame holds no personal data",
        arguments: Fixtures.sizes)
    func removalMidFlow(size: Size) async {
        var driver = ShellDriver(size: size)
        let rows = await driver.backend.rows
        await driver.advance(.seconds(1))
        await driver.card(.inserted(Fixtures.citizen(Self.holder, id: Self.idNumber), session: SessionToken(9)))
        await driver.tap(.openCaseFile(number: rows[1].number))
        await driver.tap(.requestMail)
        await driver.type("139")
        await driver.card(.removed)
        let frame = await driver.frame()
        #expect(await driver.shell.screen == .home)
        #expect(await driver.backend.ended == [SessionToken(9)])
        for secret in Self.personalStrings(rows) + ["139"] {
            #expect(!frame.text.contains(secret), "\(secret) survived")
        }
    }

    @Test("idle countdown is visible, 继续 keeps the session, silence ends it")
    func idleCountdown() async {
        var driver = ShellDriver(
            size: Size(width: 80, height: 24), config: UIConfig(idleTimeout: .seconds(60), countdown: .seconds(15)))
        await driver.advance(.seconds(1))
        await driver.card(.inserted(Fixtures.citizen("陈家明"), session: SessionToken(3)))
        await driver.advance(.seconds(61))
        var frame = await driver.frame()
        #expect(frame.text.contains("您还在办理吗？"))
        #expect(frame.text.contains("14秒后将自动结束"))
        // Enter activates 继续, which has the focus.
        await driver.key(.enter)
        frame = await driver.frame()
        #expect(!frame.text.contains("您还在办理吗？"))
        #expect(frame.text.contains("陈*明"))
        await driver.advance(.seconds(61))
        await driver.advance(.seconds(10))
        frame = await driver.frame()
        #expect(frame.text.contains("4秒后将自动结束"))
        await driver.advance(.seconds(5))
        frame = await driver.frame()
        #expect(await driver.shell.screen == .end(thanked: false))
        #expect(!frame.text.contains("陈*明"))
        #expect(await driver.backend.ended == [SessionToken(3)])
    }

    @Test("printer unavailable: the slip's QR code is drawn on screen with where to get help")
    func qrWhenPrinterUnavailable() async {
        var driver = ShellDriver(size: Size(width: 120, height: 40))
        await driver.backend.set(printOutcome: .unavailable(qr: Fixtures.qr))
        let rows = await driver.backend.rows
        await driver.advance(.seconds(1))
        await driver.card(.inserted(Fixtures.citizen("吴\u{20BB7}"), session: SessionToken(5)))
        #expect(await driver.frame().text.contains("吴*"))
        await driver.tap(.openCaseFile(number: rows[0].number))
        await driver.tap(.printSlip)
        let frame = await driver.frame()
        #expect(frame.text.contains("请到服务窗口咨询"))
        #expect(frame.text.contains("请用手机扫描屏幕上的二维码"))
        #expect(!frame.text.contains("屏幕空间不足"))
        // Every dark module is drawn once: as a cell's black background (lower half) or its ▀ (upper).
        let dark = (0..<40).reduce(0) { sum, y in
            sum
                + (0..<120).reduce(0) { count, x in
                    let cell = frame[x, y]
                    let lower = cell.background == .black ? 1 : 0
                    let upper =
                        cell.background == .black && cell.grapheme == " "
                            || cell.grapheme == "\u{2580}" && cell.foreground == .black ? 1 : 0
                    return count + lower + upper
                }
        }
        let expected = (0..<21).reduce(0) { sum, y in sum + (0..<21).filter { Fixtures.qr.isDark(x: $0, y: y) }.count }
        #expect(dark == expected)
        #expect(frame.wideGlyphViolations.isEmpty)
    }

    @Test("maintenance key sequence on the home screen calls the hook")
    func maintenanceHook() async {
        let called = Flag()
        let shell = KioskShell(
            strings: Fixtures.strings, theme: .standard, backend: FakeBackend(), config: UIConfig(),
            hooks: ShellHooks(maintenanceRequested: { await called.set() }),
            maintenanceKeys: [.function(12), .function(12)])
        let now = ContinuousClock.now
        await shell.handle(.input(.key(KeyPress(.function(12))), now: now))
        #expect(!(await called.value))
        await shell.handle(.input(.key(KeyPress(.function(12))), now: now))
        #expect(await called.value)
    }

    @Test("demo buttons on the home screen call the demo hooks")
    func demoHooks() async {
        let placed = Flag()
        let config = UIConfig(demoCards: Fixtures.sampleNames)
        let shell = KioskShell(
            strings: Fixtures.strings, theme: .standard, backend: FakeBackend(), config: config,
            hooks: ShellHooks(placeDemoCard: { index in if index == 3 { await placed.set() } }))
        let size = Size(width: 120, height: 40)
        let frame = await shell.frame(size: size)
        #expect(frame.text.contains("放入：吴\u{20BB7}"))
        let control = await shell.currentControls(size: size).first { $0.action == .demoPlaceCard(index: 3) }
        guard let control else {
            Issue.record("no demo button")
            return
        }
        let now = ContinuousClock.now
        await shell.handle(
            .input(.mouse(MouseEvent(kind: .press, button: .left, position: control.frame.origin)), now: now))
        await shell.handle(
            .input(.mouse(MouseEvent(kind: .release, button: .left, position: control.frame.origin)), now: now))
        #expect(await placed.value)
    }

    @Test("高对比度 on the home screen switches this session to the high-contrast theme")
    func highContrastSwitch() async {
        let shell = KioskShell(
            strings: Fixtures.strings, theme: .standard, backend: FakeBackend(), config: UIConfig(),
            hooks: ShellHooks())
        let size = Size(width: 80, height: 24)
        var frame = await shell.frame(size: size)
        #expect(frame.text.contains("高对比度"))
        #expect(frame[0, size.height / 2].style.background == Theme.standard.body.background)
        let now = ContinuousClock.now
        await shell.handle(.input(.key(KeyPress(.character("4"))), now: now))
        frame = await shell.frame(size: size)
        #expect(frame[0, size.height / 2].style.background == Theme.highContrast.body.background)
        #expect(frame.text.contains("标准配色"))
    }
}

/// A set-once flag for hooks.
actor Flag {
    private(set) var value = false
    func set() { value = true }
}
