import KioskTerminal
import KioskUI
import Testing

/// Chinese line breaking over the engine's width table.
@Suite struct LineBreakerTests {
    let breaker = LineBreaker(width: { DisplayWidth.of($0) })

    @Test("breaks between CJK characters and never exceeds the width", arguments: [2, 3, 5, 8, 13, 21])
    func fitsWidth(width: Int) {
        let text = "本机由政务服务中心运营。读卡时仅读取身份证上的姓名、证件号码和住址，只用于查询您本人的办件（含邮寄）。"
        let lines = breaker.wrap(text, maxWidth: width)
        for line in lines { #expect(breaker.displayWidth(line) <= max(2, width), "\(line)") }
        #expect(lines.joined() == text)
    }

    /// From 8 columns up the rules can always be kept (a character plus two closing marks fit on a line);
    /// narrower lines may have to break a closing run, which the breaker does rather than overflow.
    @Test("no line starts with closing punctuation", arguments: 8...40)
    func noLeadingClosers(width: Int) {
        let text = "您的身份证已超过有效期。请到服务窗口办理，或返回首页使用无卡查询！需要帮助吗？请看《办事指南》（第二版）。"
        let lines = breaker.wrap(text, maxWidth: width)
        for line in lines.dropFirst() {
            if let first = line.first {
                #expect(!LineBreaker.noLineStart.contains(first), "line starts with \(first): \(lines)")
            }
        }
        for line in lines {
            if let last = line.last {
                #expect(!LineBreaker.noLineEnd.contains(last), "line ends with \(last): \(lines)")
            }
        }
        #expect(lines.joined() == text)
    }

    @Test("a closing mark that would start a line takes the previous character with it")
    func carriesPreviousCharacter() {
        // Width 8 = four Hanzi; 。 would start line 2, so 理 moves down with it.
        #expect(breaker.wrap("请到窗口办理。谢谢", maxWidth: 8) == ["请到窗口", "办理。谢", "谢"])
        #expect(breaker.wrap("一二三四。五", maxWidth: 8) == ["一二三", "四。五"])
    }

    @Test("an opening bracket never ends a line")
    func openerMovesDown() {
        #expect(breaker.wrap("一二三《四五》", maxWidth: 8) == ["一二三", "《四五》"])
    }

    @Test("ASCII words and numbers stay together")
    func asciiWordsStayWhole() {
        let lines = breaker.wrap("办件编号11010520261101000001请妥善保存", maxWidth: 30)
        #expect(lines == ["办件编号11010520261101000001请", "妥善保存"])
        #expect(
            breaker.wrap("Please place your ID card on the reader", maxWidth: 16)
                == ["Please place", "your ID card on", "the reader"])
    }

    @Test("a word longer than a line is split rather than overflowing")
    func longWordSplits() {
        let lines = breaker.wrap("ABCDEFGHIJKLMNOPQRSTUVWXYZ", maxWidth: 10)
        #expect(lines == ["ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ"])
    }

    @Test("newlines force breaks and a wide supplementary character counts as 2")
    func newlinesAndSupplementary() {
        #expect(breaker.wrap("第一行\n第二行", maxWidth: 20) == ["第一行", "第二行"])
        #expect(breaker.displayWidth("吴\u{20BB7}") == 4)
        #expect(breaker.wrap("吴\u{20BB7}吴\u{20BB7}", maxWidth: 5) == ["吴\u{20BB7}", "吴\u{20BB7}"])
    }

    @Test("truncation never splits a wide glyph")
    func truncation() {
        #expect(breaker.truncate("政务服务", maxWidth: 5) == "政务")
        #expect(breaker.truncate("ab政务", maxWidth: 3) == "ab")
    }
}
