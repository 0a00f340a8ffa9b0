import KioskTerminal
import KioskUI

/// The 暂停服务 screen shown while the database cannot commit (see ``DatabaseHealth``): words, not
/// only colour, and no buttons, since nothing can be done here until the kiosk has recovered.
enum PausedScreen {
    static func frame(size: Size, strings: UIStrings, language: UILanguage) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        let body = Style(foreground: .black, background: .brightWhite)
        let title = Style(foreground: .brightWhite, background: .red, attributes: [.bold])
        let breaker = LineBreaker(width: { DisplayWidth.of($0) })
        buffer.withCanvas { canvas in
            canvas.fill(style: body)
            let heading = strings.text(.pausedTitle, in: language)
            let top = max(1, size.height / 3)
            let headingWidth = heading.displayWidth + 4
            let left = max(0, (size.width - headingWidth) / 2)
            canvas.fill(Rect(x: left, y: top - 1, width: headingWidth, height: 3), with: " ", style: title)
            _ = canvas.text(heading, at: Point(x: left + 2, y: top), style: title)
            let width = max(10, min(size.width - 8, 60))
            for (index, line) in breaker.wrap(strings.text(.pausedBody, in: language), maxWidth: width).enumerated() {
                _ = canvas.text(line, at: Point(x: (size.width - line.displayWidth) / 2, y: top + 3 + index), style: body)
            }
        }
        return buffer
    }
}
