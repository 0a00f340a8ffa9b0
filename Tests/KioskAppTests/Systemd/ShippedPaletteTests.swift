import Foundation
import KioskTerminal
import KioskUI
import Testing

/// foot.ini's [colors] and the kmscon launcher's palette are the kiosk's own (AnsiPalette), so the
/// terminal shows the same colours before the kiosk sets them with OSC 4 and after it gives them back.
@Suite struct ShippedPaletteTests {
    static func hex(_ color: Color) -> String {
        let rgb = AnsiPalette.assumed(color, asForeground: true)
        return String(format: "%02x%02x%02x", rgb.red, rgb.green, rgb.blue)
    }

    @Test func footColorsAreTheKiosksPalette() throws {
        let text = try String(contentsOf: FootConfigTests.footINI, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "[colors]").last?.components(separatedBy: "\n[").first)
        var values: [String: String] = [:]
        for line in section.split(separator: "\n") where line.contains("=") && !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            values[parts[0]] = parts[1]
        }
        for color in Color.allCases where color != .default {
            let index = Int(color.rawValue)
            let key = index < 8 ? "regular\(index)" : "bright\(index - 8)"
            #expect(values[key] == Self.hex(color), "\(key)")
        }
        #expect(values["background"] == Self.hex(Theme.standard.body.background))
        #expect(values["foreground"] == Self.hex(Theme.standard.body.foreground))
    }

    @Test func kmsconSetsTheKiosksBlue() throws {
        let unit = try String(
            contentsOf: OpsFixtures.systemdDirectory.appendingPathComponent("kiosk-kmscon.service"), encoding: .utf8)
        let blue = AnsiPalette.assumed(.blue, asForeground: false)
        #expect(unit.contains("--palette=custom"))
        #expect(unit.contains("--palette-blue=\(blue.red),\(blue.green),\(blue.blue)"))
        #expect(unit.contains("--palette-background=\(blue.red),\(blue.green),\(blue.blue)"))
        let darkGrey = AnsiPalette.assumed(.brightBlack, asForeground: true)
        #expect(unit.contains("--palette-dark-grey=\(darkGrey.red),\(darkGrey.green),\(darkGrey.blue)"))
        // The other 14 colours are kmscon's defaults, which are xterm's, as the kiosk's are.
        #expect(AnsiPalette.assumed(.red, asForeground: true) == .init(205, 0, 0))
        #expect(AnsiPalette.assumed(.brightBlue, asForeground: true) == .init(92, 92, 255))
    }
}
