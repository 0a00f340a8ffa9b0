import KioskCore
import KioskTerminal
import KioskUI
import Testing

/// Every screen, in both languages, both themes and both layouts, at 80×24, 120×40 and 200×60:
/// wide glyphs never straddle an edge, controls never overlap and stay on screen, the last row stays
/// blank, and deadline marks are words.
@Suite struct ScreenRenderingTests {
    static let token = SessionToken(1)

    /// The machine driven into each screen.
    static func machines() -> [(String, SessionMachine)] {
        let config = UIConfig(siteName: "东城区政务服务中心", demoCards: Fixtures.sampleNames)
        var result: [(String, SessionMachine)] = []
        var m = SessionMachine(config: config)
        result.append(("home", m))
        _ = m.handle(.cardReading)
        result.append(("reading", m))
        var expired = SessionMachine(config: config)
        _ = expired.handle(.cardInserted(Fixtures.citizen("王秀英", expired: true), session: token))
        result.append(("expired", expired))
        var failed = SessionMachine(config: config)
        _ = failed.handle(.cardReadFailed)
        result.append(("readFailed", failed))
        _ = m.handle(.cardInserted(Fixtures.citizen("吴\u{20BB7}"), session: token))
        result.append(("busy", m))
        let rows = (0..<9).map { Fixtures.row($0, overdue: $0 % 3 == 1, dueSoon: $0 % 3 == 2) }
        _ = m.handle(.response(.caseFiles(rows), generation: m.generation))
        result.append(("list", m))
        var page2 = m
        _ = page2.handle(.action(.showPage(1)))
        result.append(("list page 2", page2))
        var empty = SessionMachine(config: config)
        _ = empty.handle(.cardInserted(Fixtures.citizen("约翰"), session: token))
        _ = empty.handle(.response(.caseFiles([]), generation: empty.generation))
        result.append(("list empty", empty))
        var failure = SessionMachine(config: config)
        _ = failure.handle(.cardInserted(Fixtures.citizen("赵磊"), session: token))
        _ = failure.handle(.response(.caseFiles(nil), generation: failure.generation))
        result.append(("failure", failure))
        m.openDetail(of: rows[1])
        result.append(("detail", m))
        for (name, outcome) in [
            ("printed", PrintOutcome.printed), ("failed", .failed), ("qr", .unavailable(qr: Fixtures.qr)),
        ] {
            var printing = m
            _ = printing.handle(.action(.printSlip))
            _ = printing.handle(.response(.printSlip(outcome), generation: printing.generation))
            result.append(("print \(name)", printing))
        }
        _ = m.handle(.action(.requestMail))
        let draft = MailDraft(
            caseNumber: rows[1].number, recipientMaskedName: "吴*",
            addressOptions: [
                AddressOption(id: "r", source: .onRecord, maskedText: "北京市东城区****", fullText: "北京市东城区东四北大街1号"),
                AddressOption(
                    id: "c", source: .idCard, maskedText: "内蒙古自治区呼和浩特市新城区****",
                    fullText: "内蒙古自治区呼和浩特市新城区新华大街1号院3单元502室"),
            ])
        _ = m.handle(.response(.mailDefaults(draft), generation: m.generation))
        m.type("1381234")
        result.append(("mail phone", m))
        var invalid = m
        _ = invalid.handle(.action(.submit))
        result.append(("mail phone invalid", invalid))
        var notMobile = m
        _ = notMobile.handle(.action(.keypad(.clear)))
        notMobile.type("12812345678")
        _ = notMobile.handle(.action(.submit))
        result.append(("mail phone not mobile", notMobile))
        m.type("5678")
        _ = m.handle(.action(.submit))
        result.append(("mail address", m))
        _ = m.handle(.action(.chooseAddress(id: "c")))
        result.append(("mail summary", m))
        _ = m.handle(.action(.submit))
        let receipt = MailReceipt(
            requestNumber: "YJ1", caseNumber: rows[1].number, recipientMaskedName: "吴*",
            maskedPhone: "138****5678",
            maskedAddress: "内蒙古自治区呼和浩特市新城区****", statusText: "已申请")
        var duplicate = m
        _ = duplicate.handle(.response(.submitMail(.duplicate(existing: receipt)), generation: duplicate.generation))
        result.append(("mail duplicate", duplicate))
        _ = m.handle(.response(.submitMail(.stored(receipt)), generation: m.generation))
        result.append(("mail done", m))
        _ = m.handle(.action(.finish))
        result.append(("rating", m))
        _ = m.handle(.action(.rate(.veryDissatisfied)))
        _ = m.handle(.action(.submit))
        result.append(("rating reasons", m))
        _ = m.handle(.action(.toggleReason(.other)))
        _ = m.handle(.action(.submit))
        result.append(("rating phone", m))
        var callbackNotMobile = m
        callbackNotMobile.type("12812345678")
        _ = callbackNotMobile.handle(.action(.submit))
        result.append(("rating phone not mobile", callbackNotMobile))
        var letters = SessionMachine(config: config)
        _ = letters.handle(.action(.startNoCardQuery))
        result.append(("query", letters))
        _ = letters.handle(.action(.keypad(.toggleLetters)))
        letters.type("BJ-1")
        result.append(("query letters", letters))
        var countdown = m
        let now = ContinuousClock.now
        _ = countdown.handle(.tick(now: now))
        _ = countdown.handle(.tick(now: now + .seconds(3600)))
        _ = countdown.handle(.activity(now: now))
        var ended = SessionMachine(config: config)
        _ = ended.handle(.tick(now: now))
        _ = ended.handle(.cardInserted(Fixtures.citizen("陈家明"), session: token))
        _ = ended.handle(.response(.caseFiles(rows), generation: ended.generation))
        _ = ended.handle(.tick(now: now + .seconds(61)))
        result.append(("countdown", ended))
        _ = ended.handle(.action(.end))
        result.append(("end", ended))
        return result
    }

    static let variants: [(String, Theme, Bool, UILanguage)] = [
        ("standard zh", .standard, false, .simplifiedChinese),
        ("high-contrast zh", .highContrast, false, .simplifiedChinese),
        ("standard en", .standard, false, .english),
        ("elder zh", .standard, true, .simplifiedChinese),
        ("elder en high-contrast", .highContrast, true, .english),
    ]

    @Test("every screen keeps the layout invariants", arguments: Fixtures.sizes)
    func invariants(size: Size) throws {
        let ambiguous = try StringCatalogTests.scalars(inFile: StringCatalogTests.eastAsianWidthPath) { $0 == "A" }
        for (name, machine) in Self.machines() {
            for (variant, theme, elder, language) in Self.variants {
                var painter = Render.painter(size: size, language: language, theme: theme, elder: elder, focus: 0)
                ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 3), into: &painter)
                let buffer = painter.canvas.buffer
                let label = "\(name) / \(variant) / \(size)"
                #expect(buffer.wideGlyphViolations.isEmpty, "\(label): \(buffer.wideGlyphViolations)")
                let overlaps = Render.overlaps(painter.controls)
                #expect(overlaps.isEmpty, "\(label): overlapping \(overlaps.map { "\($0.0.action)/\($0.1.action)" })")
                #expect(!painter.controls.isEmpty || name == "busy" || name == "reading", "\(label): no controls")
                for control in painter.controls {
                    #expect(
                        buffer.bounds.intersection(control.frame) == control.frame,
                        "\(label): \(control.action) off screen")
                }
                let drawnAmbiguous = (0..<size.height).flatMap { y in
                    (0..<size.width).compactMap { x -> String? in
                        // The on-screen QR code's ▀ is the one exception (docs/terminal.md: block elements
                        // are drawn by foot itself and are narrow in every terminal the kiosk ships with).
                        let scalars = buffer[x, y].grapheme.unicodeScalars.filter { $0 != "\u{2580}" }
                        return scalars.contains { ambiguous.contains($0.value) } ? String(buffer[x, y].grapheme) : nil
                    }
                }
                #expect(drawnAmbiguous.isEmpty, "\(label): ambiguous-width characters on screen \(drawnAmbiguous)")
                let shortcuts = painter.controls.compactMap(\.shortcut)
                #expect(Set(shortcuts).count == shortcuts.count, "\(label): duplicate shortcuts \(shortcuts)")
                let lastRow = (0..<size.width).map { buffer[$0, size.height - 1] }
                #expect(lastRow.allSatisfy { $0.grapheme == " " }, "\(label): text on the last row")
                // Every citizen-facing control is a real touch target. Exceptions: the demo buttons (staff
                // only) and the letter page of the keypad below 27 rows (28 keys cannot be 3 rows tall).
                for control in painter.controls where control.frame.height < 3 || control.frame.width < 10 {
                    let demo =
                        [UIAction.demoRemoveCard].contains(control.action)
                        || "\(control.action)".hasPrefix("demoPlaceCard")
                    let letterKey = name == "query letters" && size.height < 27 && control.frame.height >= 2
                    let letterWidth = name == "query letters" && control.frame.width >= 6 && control.frame.height >= 2
                    #expect(demo || letterKey || letterWidth, "\(label): \(control.action) is \(control.frame.size)")
                }
            }
        }
    }

    @Test("deadline marks are words, not only colours", arguments: Fixtures.sizes)
    func marksAreWords(size: Size) throws {
        let (_, machine) = try #require(Self.machines().first { $0.0 == "list" })
        for language in UILanguage.allCases {
            var painter = Render.painter(size: size, language: language)
            ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
            let text = painter.canvas.buffer.text
            let overdue = Fixtures.strings.text(.listOverdue, in: language)
            #expect(text.contains(overdue), "\(language) \(size)")
        }
    }

    @Test("the rating screen names the five levels exactly, in one neutral style")
    func ratingLevels() throws {
        let (_, machine) = try #require(Self.machines().first { $0.0 == "rating" })
        var painter = Render.painter(size: Size(width: 120, height: 40))
        ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
        let buffer = painter.canvas.buffer
        var styles: Set<Style> = []
        for (index, level) in ["非常满意", "满意", "基本满意", "不满意", "非常不满意"].enumerated() {
            let y = try #require(
                (0..<40).first { buffer.line($0).contains("\(index + 1) \(level)") }, "\(level) missing")
            let x = try #require(buffer.column(of: "\(index + 1) \(level)", row: y))
            styles.insert(buffer[x, y].style)
        }
        #expect(styles.count == 1)
        #expect(buffer.text.contains("0 跳过"))
    }
}

/// A number starting 12 is refused on the phone screens themselves, in the citizen's language.
@Suite struct PhoneScreenMessageTests {
    @Test(
        "the mail phone and the rating's callback phone say why 12… is refused",
        arguments: [("mail phone not mobile", false), ("rating phone not mobile", true)])
    func notMobileMessage(screen: String, isRating: Bool) throws {
        let (_, machine) = try #require(ScreenRenderingTests.machines().first { $0.0 == screen })
        let expected: [UILanguage: String] = [
            .simplifiedChinese: "手机号码应以13至19开头", .english: "A mobile number starts with 13 to 19",
        ]
        for language in UILanguage.allCases {
            var painter = Render.painter(size: Size(width: 120, height: 40), language: language)
            ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
            let text = TooSmallScreenTests.text(of: painter.canvas.buffer)
            #expect(text.contains(try #require(expected[language])), "\(screen) / \(language):\n\(text)")
        }
    }
}

/// Below the smallest grid the layouts support, no screen is drawn: a plain 「屏幕尺寸不足」 with the
/// current and needed size, and no controls to tap (80×15 once drew the demo buttons over
/// 1 无卡查询 / 2 长辈模式).
@Suite struct TooSmallScreenTests {
    static func text(of buffer: CellBuffer) -> String {
        (0..<buffer.size.height).map { buffer.line($0) }.joined(separator: "\n")
    }

    @Test(
        "a grid below 80×24 shows only the size message",
        arguments: [Size(width: 80, height: 15), Size(width: 79, height: 24), Size(width: 120, height: 22)])
    func belowTheMinimum(size: Size) {
        for (name, machine) in ScreenRenderingTests.machines() {
            for (variant, theme, elder, language) in ScreenRenderingTests.variants {
                var painter = Render.painter(size: size, language: language, theme: theme, elder: elder, focus: 0)
                ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 3), into: &painter)
                let label = "\(name) / \(variant) / \(size)"
                #expect(painter.controls.isEmpty, "\(label): \(painter.controls.map(\.action))")
                let text = Self.text(of: painter.canvas.buffer)
                let expected = language == .english ? "Screen too small" : "屏幕尺寸不足"
                #expect(text.contains(expected), "\(label)")
                #expect(text.contains("\(size.width)x\(size.height)") && text.contains("80x24"), "\(label): \(text)")
            }
        }
    }

    @Test("the smallest supported grid draws the screens themselves")
    func atTheMinimum() {
        for (name, machine) in ScreenRenderingTests.machines() {
            var painter = Render.painter(
                size: LayoutMetrics.minimumSize, language: .simplifiedChinese, theme: .standard, elder: false, focus: 0)
            ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 3), into: &painter)
            #expect(!Self.text(of: painter.canvas.buffer).contains("屏幕尺寸不足"), "\(name)")
        }
    }
}

/// The home screen's footer with every switch flipped (标准模式, 标准配色) still fits 80×24 with full-size
/// targets in both languages.
@Suite struct HomeSwitchesTests {
    @Test(arguments: [UILanguage.simplifiedChinese, .english])
    func switchedFooterFits(language: UILanguage) {
        var machine = SessionMachine(config: UIConfig(siteName: "东城区政务服务中心"))
        _ = machine.handle(.action(.toggleElderMode))
        _ = machine.handle(.action(.toggleHighContrast))
        var painter = Render.painter(
            size: LayoutMetrics.minimumSize, language: language, theme: .highContrast, elder: true, focus: 0)
        ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
        #expect(Render.overlaps(painter.controls).isEmpty)
        #expect(painter.controls.contains { $0.action == .toggleHighContrast })
        for control in painter.controls {
            #expect(control.frame.width >= 10 && control.frame.height >= 3, "\(control.action): \(control.frame.size)")
        }
    }
}
