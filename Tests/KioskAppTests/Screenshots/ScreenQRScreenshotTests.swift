import Foundation
import KioskCore
import KioskTestSupport
import Testing

@testable import KioskApp

/// The slip's QR code as the citizen's phone sees it: decoded with zbarimg from the pixels foot drew
/// (scripts/screenshots' print-qr shot, `kiosk run` with no printer), it must carry exactly the
/// link the kiosk meant: the 办件编号 shown and a token for it under the configured key.
@Suite(.serialized)
struct ScreenQRScreenshotTests {
    /// Every link the kiosk could have meant for `shot` (the token's expiry counts in minutes, so one
    /// or two links across the seconds the print took).
    static func expectedLinks(_ shot: ScreenshotRun.QRShot) -> Set<String> {
        let configuration = KioskConfiguration()
        let link = ReceiptQRLink(
            template: configuration.receipt.qrURLTemplate,
            key: Array(SHA256.hash(Array(shot.tokenKey.utf8)).prefix(16)),
            lifetimeSeconds: Int64(configuration.receipt.tokenValidityHours) * 3_600)
        return Set(
            (shot.printedAfter...shot.printedBefore).map {
                link.url(for: shot.applicationNumber, now: UnixTime(seconds: $0))
            })
    }

    @Test func theOnScreenCodeDecodesFromTheScreenshotToTheKiosksLink() async throws {
        let report = try await ScreenshotRun.shared.report()
        try #require(report.harness.status == 0, "scripts/screenshots failed: \(report.harness.standardError)")
        try #require(
            report.qrShots.count == 6,
            "expected 4 variants at 1920x1080 and 2 at 1280x1024: \(report.qrShots.map(\.file))")
        let zbarimg = try #require(
            ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "zbarimg is not installed (apt-get install zbar-tools)")
        for shot in report.qrShots {
            #expect(shot.applicationNumber.hasPrefix("DEMO-"), "\(shot.file): no 办件编号 recorded")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
            try shot.png.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await runProgram(URL(fileURLWithPath: zbarimg), ["--quiet", "--raw", file.path])
            let decoded = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(result.status == 0, "\(shot.file): zbarimg found no code: \(result.standardError)")
            #expect(Self.expectedLinks(shot).contains(decoded), "\(shot.file): decoded \(decoded)")
            #expect(decoded.contains("id=\(shot.applicationNumber)&"), "\(shot.file): decoded \(decoded)")
        }
    }
}
