import KioskTerminal
import KioskUI
import Testing

/// The on-screen QR code: 2×1 cells per module, black and white backgrounds, 4-module quiet zone.
@Suite struct QRCodeViewTests {
    @Test("every module is two background-coloured columns, with a 4-module light quiet zone")
    func modulesAndQuietZone() throws {
        let image = Fixtures.qr
        let size = QRCodeView.size(of: image)
        #expect(size == Size(width: (21 + 8) * 2, height: 21 + 8))
        var painter = Render.painter(size: Size(width: 120, height: 40))
        let origin = Point(x: 50, y: 3)
        let drawn = painter.qrCode(image, at: origin)
        #expect(drawn)
        let buffer = painter.canvas.buffer
        for my in -4..<(21 + 4) {
            for mx in -4..<(21 + 4) {
                let dark = image.isDark(x: mx, y: my)
                for dx in 0..<2 {
                    let cell = buffer[origin.x + (mx + 4) * 2 + dx, origin.y + my + 4]
                    #expect(cell.grapheme == " ")
                    #expect(cell.background == (dark ? .black : .brightWhite), "module \(mx),\(my)")
                }
            }
        }
        // Outside the code the screen is untouched.
        #expect(buffer[origin.x - 1, origin.y].background == Theme.standard.body.background)
    }

    @Test("a code that does not fit whole is not drawn")
    func refusesToClip() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        let drawn = painter.qrCode(Fixtures.qr, at: Point(x: 0, y: 0))
        #expect(!drawn)
        #expect(painter.canvas.buffer[0, 0].background == Theme.standard.body.background)
    }
}
