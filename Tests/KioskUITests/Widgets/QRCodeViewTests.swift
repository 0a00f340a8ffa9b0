import KioskCore
import KioskTerminal
import KioskUI
import Testing

/// The on-screen QR code: one module wide and two tall per cell (▀ in the upper module's colour over
/// the lower one's), black and white, 4-module quiet zone.
@Suite struct QRCodeViewTests {
    @Test("every cell carries two modules, with a 4-module light quiet zone")
    func modulesAndQuietZone() throws {
        let image = Fixtures.qr
        let size = QRCodeView.size(of: image)
        #expect(size == Size(width: 21 + 8, height: (21 + 8 + 1) / 2))
        var painter = Render.painter(size: Size(width: 120, height: 40))
        let origin = Point(x: 50, y: 3)
        let drawn = painter.qrCode(image, at: origin)
        #expect(drawn)
        let buffer = painter.canvas.buffer
        func colour(_ dark: Bool) -> Color { dark ? .black : .brightWhite }
        for row in 0..<size.height {
            for column in 0..<size.width {
                let upper = image.isDark(x: column - 4, y: row * 2 - 4)
                let lower = image.isDark(x: column - 4, y: row * 2 + 1 - 4)
                let cell = buffer[origin.x + column, origin.y + row]
                let label = "cell \(column),\(row)"
                #expect(cell.background == colour(lower), "\(label)")
                if upper == lower {
                    #expect(cell.grapheme == " ", "\(label)")
                } else {
                    #expect(cell.grapheme == "\u{2580}" && cell.foreground == colour(upper), "\(label)")
                }
            }
        }
        // Outside the code the screen is untouched.
        #expect(buffer[origin.x - 1, origin.y].background == Theme.standard.body.background)
        #expect(buffer[origin.x, origin.y + size.height].background == Theme.standard.body.background)
    }

    @Test("a code that does not fit whole is not drawn")
    func refusesToClip() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        let drawn = painter.qrCode(Fixtures.qr, at: Point(x: 0, y: 10))
        #expect(!drawn)
        #expect(painter.canvas.buffer[0, 0].background == Theme.standard.body.background)
    }
}
