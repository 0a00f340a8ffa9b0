import KioskCore
import Testing

@testable import KioskDevices

@Suite struct QREncoderTests {
    @Test(arguments: [
        "https://zwfw.example.gov.cn/q?id=BJ2026-000123&t=abc",
        "MixedCase-lower-UPPER-123",
        "https://zwfw.example.gov.cn/q?id=BJ2026-000123&n=张三·𠮷",
    ])
    func roundTripsThroughZbar(payload: String) throws {
        let matrix = try QREncoder.encode(payload)
        #expect(matrix.width >= 21 && (matrix.width - 17) % 4 == 0)
        let image = MonochromeBitmap.qrCode(matrix, moduleDots: 4, canvasWidth: 384)
        #expect(try ZBar.decode(pbm: image.pbm) == payload)
    }

    @Test func mediumLevelIsTheDefault() throws {
        // 8-bit mode: 62 bytes fit version 4 (33 modules) at M exactly, but need version 6 (41) at Q.
        let payload = String(repeating: "a", count: 62)
        #expect(try QREncoder.encode(payload).width == 33)
        #expect(try QREncoder.encode(payload, errorCorrection: .quartile).width == 41)
    }

    @Test func tooLongDataIsATypedError() {
        let payload = String(repeating: "x", count: 3000)
        #expect {
            _ = try QREncoder.encode(payload)
        } throws: { error in
            (error as? QREncodingError)?.isTooLong == true
        }
    }

    @Test func emptyDataIsRejected() {
        #expect(throws: QREncodingError.self) { _ = try QREncoder.encode("") }
    }

    @Test func blankImageDecodesToNothing() throws {
        #expect(try ZBar.decode(pbm: MonochromeBitmap(width: 64, height: 64).pbm) == nil)
    }
}
