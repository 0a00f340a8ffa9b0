import Foundation
import KioskTestSupport
import Testing

/// The kiosk binary must not link libcups: it is opened on first use of a CUPS printer, so a demo or
/// a kiosk without a CUPS printer never maps it and its dependencies (issue #3, resident memory).
@Suite struct LibraryLinkTests {
    @Test func theKioskBinaryLinksNeitherCupsNorAnyOfItsDependencies() async throws {
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/readelf"), ["-d", KioskProcess.binary.path])
        #expect(result.status == 0, "\(result.standardError)")
        let needed = result.standardOutput.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(needed.contains { $0.contains("libsqlite3") }, "readelf output not understood: \(needed)")
        for library in ["libcups", "libgnutls", "libkrb5", "libavahi"] {
            #expect(!needed.contains { $0.contains(library) }, "the kiosk links \(library)")
        }
    }
}
