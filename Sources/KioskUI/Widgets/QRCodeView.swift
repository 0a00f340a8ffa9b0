import KioskCore
import KioskTerminal

/// Draws a QR code two modules per cell row: every cell is one module wide and two modules tall
/// (cells are about twice as tall as wide, so each module comes out square), drawn with the upper
/// half block ▀ in the upper module's colour over the lower module's colour (a blank cell when both
/// are the same). Dark = black, light = bright white, with the 4-module quiet zone scanners need.
///
/// A version-4 code (33 modules) with its quiet zone takes 41 columns × 21 rows, so the fallback fits
/// at 80×24 (one module per cell row needed 45 rows for version 5).
package enum QRCodeView {
    /// Modules of quiet zone on every side (the symbol's own, ``QRMatrix/quietZone``).
    package static let quietZone = QRMatrix.quietZone

    /// The cells needed for `image` (quiet zone included).
    package static func size(of image: QRMatrix) -> Size {
        let modules = image.widthWithQuietZone
        return Size(width: modules, height: (modules + 1) / 2)
    }
}

extension ScreenPainter {
    /// Draws `image` with its top-left quiet-zone corner at `origin`. Nothing is drawn when it does not
    /// fit the screen whole (a clipped code would not scan); returns whether it was drawn.
    @discardableResult
    package mutating func qrCode(_ image: QRMatrix, at origin: Point) -> Bool {
        let size = QRCodeView.size(of: image)
        let frame = Rect(origin: origin, size: size)
        guard frame.intersection(bounds) == frame else { return false }
        let dark = Color.black
        let light = Color.brightWhite
        let quiet = QRCodeView.quietZone
        fill(frame, style: Style(foreground: light, background: light))
        for row in 0..<size.height {
            for column in 0..<size.width {
                let x = column - quiet
                let upper = image.isDark(x: x, y: row * 2 - quiet)
                let lower = image.isDark(x: x, y: row * 2 + 1 - quiet)
                guard upper || lower else { continue }
                let point = Point(x: origin.x + column, y: origin.y + row)
                if upper == lower {
                    fill(
                        Rect(origin: point, size: Size(width: 1, height: 1)),
                        style: Style(foreground: dark, background: dark))
                } else {
                    let style = Style(foreground: upper ? dark : light, background: lower ? dark : light)
                    _ = text("▀", at: point, width: 1, style: style)
                }
            }
        }
        return true
    }
}
