import Foundation
import KioskCore
import KioskDevices
import KioskTerminal
import KioskTestSupport
import KioskUI
import Testing

@testable import KioskApp

/// The QR code the screen shows when the printer is unavailable: the default link, encoded as the
/// kiosk encodes it for the screen, drawn two modules per cell row, fits 80×24 and decodes with
/// zbar from a picture of the cells (as a phone sees the screen).
@Suite struct ScreenQRCodeTests {
    /// 办件 numbers of typical lengths: the demo's, an 18-digit and a 20-digit one.
    static let numbers = ["SAMPLE-0001", "110105202611010001", "11010520261101000123"]

    /// The link the kiosk would put on screen for `number`, with the configuration's default template.
    static func url(for number: String) -> String {
        let configuration = KioskConfiguration()
        let link = ReceiptQRLink(
            template: configuration.receipt.qrURLTemplate, key: Array(repeating: 7, count: 16),
            lifetimeSeconds: Int64(configuration.receipt.tokenValidityHours) * 3_600)
        return link.url(for: number, now: UnixTime(seconds: 1_796_000_000))
    }

    @Test(arguments: numbers)
    func theDefaultLinkFitsAt80x24AndDecodes(number: String) async throws {
        let url = Self.url(for: number)
        let matrix = try QREncoder.encode(url, errorCorrection: .low)
        let image = matrix
        let screen = Size(width: 80, height: 24)
        let cells = QRCodeView.size(of: image)
        // PrintResultScreen's room: below the 2-row header, above the blank last row.
        #expect(cells.height <= screen.height - 2 - 1, "version \((matrix.width - 17) / 4): \(cells)")
        let strings = try UIStrings.load(assetsDirectory: repositoryRoot.appendingPathComponent("assets"))
        var painter = ScreenPainter(
            size: screen,
            context: RenderContext(
                strings: strings, language: .simplifiedChinese, theme: .standard, metrics: .standard),
            focusIndex: nil)
        let drawn = painter.qrCode(image, at: Point(x: 80 - 2 - cells.width, y: 2))
        #expect(drawn)
        let decoded = try await Self.decode(painter.canvas.buffer)
        #expect(decoded == url)
    }

    /// A greyscale picture of `buffer`: every cell is one module wide and two tall (4×4 pixels each);
    /// ▀ shows its foreground above its background, any other cell its background.
    static func decode(_ buffer: CellBuffer) async throws -> String? {
        let scale = 4
        let width = buffer.size.width * scale
        let height = buffer.size.height * 2 * scale
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let cell = buffer[x, y]
                let background = grey(cell.style.background, foreground: false)
                let upper = cell.grapheme == "▀" ? grey(cell.style.foreground, foreground: true) : background
                for (half, value) in [(0, upper), (1, background)] {
                    for dy in 0..<scale {
                        let row = (y * 2 + half) * scale + dy
                        for dx in 0..<scale { pixels[row * width + x * scale + dx] = value }
                    }
                }
            }
        }
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let file = URL(fileURLWithPath: base).appendingPathComponent("screen-qr-\(UUID().uuidString).pgm")
        try (Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await runProgram(
            URL(fileURLWithPath: "/usr/bin/zbarimg"), ["--nodbus", "--raw", "-q", file.path])
        guard result.status == 0 else { return nil }
        return result.standardOutput.hasSuffix("\n") ? String(result.standardOutput.dropLast()) : result.standardOutput
    }

    /// The grey level of a colour as the kiosk's themes assume it.
    static func grey(_ color: Color, foreground: Bool) -> UInt8 {
        UInt8((AnsiPalette.assumed(color, asForeground: foreground).relativeLuminance * 255).rounded())
    }
}
