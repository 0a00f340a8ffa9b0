import KioskTerminal

/// Draws a QR code with background-coloured cells: every module is 2 columns × 1 row (cells are about
/// twice as tall as wide, so modules come out square), dark = black background, light = bright white,
/// with the 4-module quiet zone scanners need.
package enum QRCodeView {
    /// Modules of quiet zone on every side.
    package static let quietZone = 4

    /// The cells needed for `image` (quiet zone included).
    package static func size(of image: QRCodeImage) -> Size {
        let modules = image.size + 2 * quietZone
        return Size(width: modules * 2, height: modules)
    }
}

extension ScreenPainter {
    /// Draws `image` with its top-left quiet-zone corner at `origin`. Nothing is drawn when it does not
    /// fit the screen whole (a clipped code would not scan); returns whether it was drawn.
    @discardableResult
    package mutating func qrCode(_ image: QRCodeImage, at origin: Point) -> Bool {
        let size = QRCodeView.size(of: image)
        let frame = Rect(origin: origin, size: size)
        guard frame.intersection(bounds) == frame else { return false }
        let dark = Style(foreground: .black, background: .black)
        let light = Style(foreground: .brightWhite, background: .brightWhite)
        fill(frame, style: light)
        for y in 0..<image.size {
            for x in 0..<image.size where image.isDark(x: x, y: y) {
                let cell = Rect(
                    x: origin.x + (x + QRCodeView.quietZone) * 2, y: origin.y + y + QRCodeView.quietZone,
                    width: 2, height: 1)
                fill(cell, style: dark)
            }
        }
        return true
    }
}
