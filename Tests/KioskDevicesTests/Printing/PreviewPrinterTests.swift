import Foundation
import KioskCore
import Testing

@testable import KioskDevices

@Suite struct PreviewPrinterTests {
    @Test func writesBytesTextAndQRImage() async throws {
        let folder = TestFiles.temporaryDirectory()
        let printer = PreviewPrinter(folder: folder, profile: .mm58)
        let receipt = ReceiptTemplates.printerTest(profileName: "58mm", printedAt: "2026-11-22 10:00")
        let outcome = try await printer.print(receipt, session: PrintSessionID("demo"))
        #expect(outcome.textLines.contains { $0.hasSuffix(" 打印机测试") })
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("receipt-0001.escpos")))
        #expect(bytes.count == outcome.byteCount)
        #expect(try ESCPOSReader.read(bytes).texts.contains("政务服务自助终端：中文打印正常。"))
        let text = try String(contentsOf: folder.appendingPathComponent("receipt-0001.txt"), encoding: .utf8)
        #expect(text == outcome.textLines.joined(separator: "\n") + "\n")
        let pbm = try [UInt8](Data(contentsOf: folder.appendingPathComponent("receipt-0001-qr1.pbm")))
        #expect(try ZBar.decode(pbm: pbm) == ReceiptTemplates.printerTestPayload)
    }

    @Test func simulatedPaperOutRefuses() async throws {
        let printer = PreviewPrinter(folder: TestFiles.temporaryDirectory(), profile: .mm80)
        await printer.simulate(PrinterStatus(device: .userError, paper: .out))
        await #expect(throws: PrintError.self) {
            _ = try await printer.print(Receipt(title: "t", elements: [.text("x")]), session: PrintSessionID("s"))
        }
    }
}
