import Foundation
import KioskTestSupport
import Testing

@testable import KioskApp

/// The QR link defaults written in the docs are the ones the kiosk uses (issue 11: the two docs
/// disagreed with each other).
@Suite struct DocumentedReceiptDefaultsTests {
    /// The default column of the `docs/configuration.md` table row for `key`, without backticks/quotes.
    private func documentedDefault(_ key: String) throws -> String {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `\(key)` |") })
        let columns = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return columns[2].trimmingCharacters(in: CharacterSet(charactersIn: "`\""))
    }

    @Test func configurationDocMatchesTheCode() throws {
        let defaults = KioskConfiguration.Receipt()
        #expect(try documentedDefault("qr_url_template") == defaults.qrURLTemplate)
        #expect(try documentedDefault("token_validity_hours") == "\(defaults.tokenValidityHours)")
    }

    @Test func printingDocStatesTheSameDefaults() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/printing.md"), encoding: .utf8)
        let defaults = KioskConfiguration.Receipt()
        #expect(text.contains("default `\(defaults.qrURLTemplate)`"))
        #expect(text.contains("default lifetime \(defaults.tokenValidityHours) hours"))
    }
}
