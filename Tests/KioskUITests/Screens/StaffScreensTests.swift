import KioskTerminal
import KioskUI
import Testing

/// 暂停服务 and the staff console are drawn by KioskUI with the theme and the catalogs, like every
/// citizen screen: their colours come from the theme (so high contrast and the contrast tests hold)
/// and their words from the string catalogs.
@Suite struct StaffScreensTests {
    static let themes: [Theme] = [.standard, .highContrast]

    func context(_ theme: Theme, _ language: UILanguage = .simplifiedChinese, size: Size) -> RenderContext {
        RenderContext(strings: Fixtures.strings, language: language, theme: theme, size: size)
    }

    /// Styles of the cells that carry a glyph, which must all be styles of `theme`.
    func foreignStyles(_ buffer: CellBuffer, _ theme: Theme) -> Set<String> {
        let allowed = Set(theme.textStyles.map(\.1))
        var foreign: Set<String> = []
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width where buffer[x, y].grapheme != " " && !buffer[x, y].isContinuation {
                let style = buffer[x, y].style
                if !allowed.contains(style) { foreign.insert("\(buffer[x, y].grapheme)@\(x),\(y): \(style)") }
            }
        }
        return foreign
    }

    @Test("暂停服务 says so in the catalog's words, in each language", arguments: [UILanguage.simplifiedChinese, .english])
    func pausedWords(language: UILanguage) {
        let size = Size(width: 80, height: 24)
        let buffer = PausedScreen.frame(size: size, context: context(.standard, language, size: size))
        #expect(buffer.contains(Fixtures.strings.text(.pausedTitle, in: language)))
        #expect(buffer.wideGlyphViolations.isEmpty)
    }

    @Test("暂停服务 draws only in the theme's styles", arguments: themes)
    func pausedTheme(theme: Theme) {
        let size = Size(width: 120, height: 40)
        let buffer = PausedScreen.frame(size: size, context: context(theme, size: size))
        #expect(foreignStyles(buffer, theme).isEmpty, "\(foreignStyles(buffer, theme).sorted().prefix(3))")
        #expect(buffer[0, 0].style.background == theme.body.background)
    }

    @Test("the PIN prompt shows how many digits, never which, and the note in both languages", arguments: themes)
    func pinPrompt(theme: Theme) {
        let size = Size(width: 80, height: 24)
        let view = MaintenanceView.pin(digits: 4, notice: MaintenanceNotice(.maintenancePinWrong, ["left": "3"]))
        let buffer = MaintenanceScreen.frame(view, size: size, context: context(theme, size: size))
        #expect(buffer.contains("请输入管理员PIN"))
        #expect(buffer.contains("＊＊＊＊"))
        #expect(!buffer.contains("＊＊＊＊＊"))
        #expect(buffer.contains("PIN错误，还可尝试3次 (wrong PIN, 3 tries left)"))
        #expect(foreignStyles(buffer, theme).isEmpty, "\(foreignStyles(buffer, theme).sorted().prefix(3))")
        #expect(buffer.wideGlyphViolations.isEmpty)
    }

    @Test("the menu lists each part with its state, then the choices in Chinese and English")
    func menu() {
        let size = Size(width: 100, height: 30)
        let view = MaintenanceView.menu(
            status: [
                MaintenanceStatusLine(part: .maintenanceReader, state: "device=online"),
                MaintenanceStatusLine(part: .maintenanceBacklog, state: "3"),
            ],
            notice: MaintenanceNotice(.maintenanceExported, ["count": "2", "path": "/media/usb/mail.csv"]))
        let buffer = MaintenanceScreen.frame(view, size: size, context: context(.highContrast, size: size))
        #expect(buffer.contains("读卡器 reader: device=online"))
        #expect(buffer.contains("待同步 sync backlog: 3"))
        #expect(buffer.contains("1 刷新状态"))
        #expect(buffer.contains("0 exit"))
        #expect(buffer.contains("已导出 2 条邮寄申请：/media/usb/mail.csv (exported 2 mail requests: /media/usb/mail.csv)"))
        #expect(foreignStyles(buffer, .highContrast).isEmpty)
    }

    @Test("the menu keeps its choices on screen at the smallest grid, whatever the number of status lines")
    func menuAtTheSmallestGrid() {
        let size = LayoutMetrics.minimumSize
        let status = (0..<30).map { MaintenanceStatusLine(part: .maintenanceDisk, state: "line \($0)") }
        let buffer = MaintenanceScreen.frame(
            .menu(status: status, notice: nil), size: size, context: context(.standard, size: size))
        #expect(buffer.contains("1 刷新状态"))
        #expect(buffer.contains("0 exit"))
    }
}
