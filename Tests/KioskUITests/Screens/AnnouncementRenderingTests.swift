import KioskTerminal
import KioskUI
import Testing

/// The gateway's notices (公告) on the home screen: one line each, cut with … to the width, never
/// splitting a wide glyph; nothing at all when there are none. The waybill of a 已交寄 mail request
/// on the detail screen.
@Suite struct AnnouncementRenderingTests {
    static let long =
        "各位市民：本中心将于二〇二六年十二月十日（星期四）全天进行系统升级维护，届时自助终端暂停办理邮寄申请业务，"
        + "办件查询不受影响，给您带来不便敬请谅解。咨询电话１２３４５。"

    func home(_ announcements: [String], size: Size, language: UILanguage = .simplifiedChinese) -> CellBuffer {
        let machine = SessionMachine(config: UIConfig(siteName: "东城区政务服务中心"))
        var painter = Render.painter(size: size, language: language)
        ScreenRenderer.draw(
            ScreenInput(machine: machine, config: machine.config, step: 0, announcements: announcements),
            into: &painter)
        return painter.canvas.buffer
    }

    @Test("a long Chinese notice at 80 columns is cut with ⋯ inside the content, no wide glyph split")
    func longNoticeAt80Columns() throws {
        let size = Size(width: 80, height: 24)
        let buffer = home([Self.long], size: size)
        let y = try #require((0..<size.height).first { buffer.line($0).contains("公告：各位市民") }, "\(buffer.text)")
        let line = buffer.line(y)
        #expect(line.contains("\u{22EF}"), "cut with the one-column ellipsis")
        #expect(!line.contains("咨询电话"), "the end of the notice does not fit in 80 columns")
        #expect(buffer.wideGlyphViolations.isEmpty, "\(buffer.wideGlyphViolations)")
        // The margins stay blank: the notice keeps inside the content frame.
        let margin = LayoutMetrics.resolve(elder: false, width: size.width, height: size.height).margin
        #expect(buffer[size.width - 1, y].grapheme == " ")
        if margin > 0 { #expect(buffer[margin - 1, y].grapheme == " ") }
        // The privacy notice (R4) and the place-card prompt stay on screen.
        #expect(buffer.contains(Fixtures.strings.text(.homePrivacyTitle, in: .simplifiedChinese)))
        #expect(buffer.contains(Fixtures.strings.text(.homePlaceCard, in: .simplifiedChinese)))
    }

    @Test("notices fit at every size and in both languages", arguments: Fixtures.sizes)
    func everySize(size: Size) {
        for language in UILanguage.allCases {
            let buffer = home(
                [Self.long, "短公告", String(repeating: "\u{20BB7}", count: 150)], size: size, language: language)
            #expect(buffer.wideGlyphViolations.isEmpty, "\(language) \(size)")
            #expect(buffer.contains("短公告"), "\(language) \(size)")
            // Nothing is drawn in the bottom-right cell.
            #expect(buffer[size.width - 1, size.height - 1].grapheme == " ")
        }
    }

    @Test("without notices the home screen is exactly as before")
    func noNotices() {
        for size in Fixtures.sizes {
            let without = home([], size: size)
            #expect(!without.contains("公告："))
            let machine = SessionMachine(config: UIConfig(siteName: "东城区政务服务中心"))
            var painter = Render.painter(size: size)
            ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
            #expect(painter.canvas.buffer.text == without.text)
            #expect(home(["公告甲"], size: size).text != without.text)
        }
    }

    @Test("truncating with an ellipsis never splits a wide glyph and keeps to the width")
    func ellipsis() {
        let breaker = LineBreaker(width: { DisplayWidth.of($0) })
        #expect(breaker.truncate("政务服务", maxWidth: 8, ellipsis: "\u{22EF}") == "政务服务")
        let cut = breaker.truncate("政务服务中心", maxWidth: 8, ellipsis: "\u{22EF}")
        #expect(breaker.displayWidth(cut) <= 8)
        #expect(cut == "政务服" + "\u{22EF}")
    }

    @Test("ambiguous-width punctuation in a notice is replaced, so no terminal draws it wider")
    func ambiguousReplaced() {
        let safe = HomeScreen.terminalSafe("“窗口”调整—详见…·①")
        #expect(safe == "「窗口」调整－详见\u{22EF}・ ")
        #expect(!safe.unicodeScalars.contains { DisplayWidth.isAmbiguous($0) })
        let buffer = home(["“窗口”调整"], size: Size(width: 80, height: 24))
        #expect(buffer.contains("公告：「窗口」调整"))
    }

    @Test("the detail screen shows 已交寄 and the waybill of a posted mail request")
    func postedWaybill() {
        var machine = SessionMachine(config: UIConfig(siteName: "东城区政务服务中心"))
        _ = machine.handle(.cardInserted(Fixtures.citizen("张晓梅"), session: SessionToken(1)))
        let row = Fixtures.row(0)
        _ = machine.handle(.response(.caseFiles([row]), generation: machine.generation))
        _ = machine.handle(.action(.openCaseFile(number: row.number)))
        var detail = Fixtures.detail(row)
        detail.postedWaybill = "SF1234567890"
        _ = machine.handle(.response(.detail(detail), generation: machine.generation))
        var painter = Render.painter(size: Size(width: 80, height: 24))
        ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
        #expect(painter.canvas.buffer.contains("已交寄，运单号 SF1234567890"), "\(painter.canvas.buffer.text)")
    }
}
