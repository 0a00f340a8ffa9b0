import KioskCore
import KioskTestSupport
import Testing

@testable import KioskDevices

@Suite struct ESCPOSEncoderTests {
    static let slip = ReceiptTemplates.caseFileSlip(
        CaseFileSlipInput(
            itemName: "城乡居民基本养老保险待遇申领（含跨省转移接续及相关材料补正）",
            caseNumber: "BJ2026-000123",
            acceptedAt: "2026-11-20 09:30",
            status: "办理中",
            promisedDate: "2026-12-04",
            department: "市人力资源和社会保障局",
            consultPhone: "0371-12345678",
            supervisionPhone: "12345",
            applicantName: "欧阳娜娜",
            applicantIDNumber: "11010519491231002X"
        ),
        site: ReceiptFixture.site,
        printedAt: "2026-11-22 10:00",
        now: ReceiptFixture.now
    )

    @Test(arguments: [PrinterProfile.mm58, PrinterProfile.mm80])
    func printedTextMatchesTheScreenRendering(profile: PrinterProfile) throws {
        let encoded = try ESCPOSEncoder(profile: profile).encode(Self.slip)
        let document = try ESCPOSReader.read(encoded.bytes)
        // The screen pads aligned lines and shows blank feed lines; the printer aligns and feeds itself.
        func comparable(_ lines: [String]) -> [String] {
            lines.map { String($0.drop { $0 == " " }) }.filter {
                !$0.isEmpty && $0 != ReceiptTextRenderer.qrPlaceholder
            }
        }
        let screen = ReceiptTextRenderer.lines(of: Self.slip, columns: profile.columns)
        #expect(comparable(document.texts) == comparable(screen))
        #expect(document.texts.count > 15)
        #expect(encoded.warnings.isEmpty)
        for line in document.lines {
            let limit = line.doubleWidth ? profile.columns / 2 : profile.columns
            #expect(ReceiptTextWidth.columns(of: line.text) <= limit, "line too wide: \(line.text)")
            #expect(line.chineseMode)
        }
        #expect(document.texts.contains("办件编号：BJ2026-000123"))
        #expect(document.texts.contains("申请人：欧**娜"))
        #expect(document.texts.contains("证件号码：110***********002X"))
        #expect(!document.texts.joined().contains("11010519491231002X"))
    }

    @Test func titleIsCentredBoldAndDoubleSized() throws {
        let document = try ESCPOSReader.read(try ESCPOSEncoder(profile: .mm58).encode(Self.slip).bytes)
        let title = try #require(document.lines.first { $0.text == "办件进度凭条" })
        #expect(title.alignment == 1 && title.bold && title.doubleWidth && title.doubleHeight)
        // FS ! n is set explicitly: plain first, then double width + height (0x0C) for the title.
        #expect(document.chineseModeSettings.first == 0)
        #expect(document.chineseModeSettings.contains(0x0C))
        #expect(document.initialized)
        #expect(document.enteredChineseMode == 1 && document.leftChineseMode == 1)
        #expect(document.cuts == [1])
    }

    @Test(arguments: [PrinterProfile.mm58, PrinterProfile.mm80])
    func rasterQRDecodesToTheURL(profile: PrinterProfile) throws {
        let encoded = try ESCPOSEncoder(profile: profile).encode(Self.slip)
        let document = try ESCPOSReader.read(encoded.bytes)
        let raster = try #require(document.rasters.first)
        #expect(document.rasters.count == 1)
        #expect(raster.width == profile.dotsPerLine)
        #expect(raster.bandHeights.allSatisfy { $0 <= profile.rasterBandRows })
        let url = try #require(try ZBar.decode(pbm: raster.pbm))
        #expect(url.hasPrefix("https://zwfw.example.gov.cn/q?id=BJ2026-000123&t="))
        let token = String(url.split(separator: "=").last!)
        #expect(ReceiptToken(key: Array(0..<16)).verify(token, for: "BJ2026-000123", now: ReceiptFixture.now))
    }

    @Test func smallBandsSplitTheImage() throws {
        var profile = PrinterProfile.mm58
        profile.rasterBandRows = 24
        let document = try ESCPOSReader.read(try ESCPOSEncoder(profile: profile).encode(Self.slip).bytes)
        let raster = try #require(document.rasters.first)
        #expect(raster.bandHeights.count > 1)
        #expect(raster.bandHeights.allSatisfy { $0 <= 24 })
        #expect(try ZBar.decode(pbm: raster.pbm)?.contains("BJ2026-000123") == true)
    }

    @Test func nativeQRWhenTheProfileSaysSo() throws {
        var profile = PrinterProfile.mm80
        profile.nativeQR = true
        let document = try ESCPOSReader.read(try ESCPOSEncoder(profile: profile).encode(Self.slip).bytes)
        #expect(document.rasters.isEmpty)
        #expect(document.nativeQRFunctions == [65, 67, 69, 80, 81])
        let payload = String(decoding: try #require(document.nativeQRPayloads.first), as: UTF8.self)
        #expect(payload.hasPrefix("https://zwfw.example.gov.cn/q?id=BJ2026-000123&t="))
    }

    @Test func unencodableCharactersAreReplacedVisiblyAndReported() throws {
        var profile = PrinterProfile.mm58
        profile.charset = .gbk
        let receipt = Receipt(title: "t", elements: [.text("地址：吉𠮷路1号")])
        let encoded = try ESCPOSEncoder(profile: profile).encode(receipt)
        let document = try ESCPOSReader.read(encoded.bytes, charset: "GBK")
        #expect(document.texts == ["地址：吉□路1号"])
        #expect(encoded.warnings.map(\.unencodableScalars) == ["U+20BB7"])
    }

    @Test func gb18030EncodesWhatGBKCannot() throws {
        let receipt = Receipt(title: "t", elements: [.text("吉𠮷路")])
        let encoded = try ESCPOSEncoder(profile: .mm58).encode(receipt)
        #expect(encoded.warnings.isEmpty)
        #expect(try ESCPOSReader.read(encoded.bytes).texts == ["吉𠮷路"])
    }

    @Test func gb2312LacksRarerHanzi() throws {
        var profile = PrinterProfile.mm58
        profile.charset = .gb2312
        let encoded = try ESCPOSEncoder(profile: profile).encode(Receipt(title: "t", elements: [.text("张堃")]))
        #expect(try ESCPOSReader.read(encoded.bytes, charset: "GBK").texts == ["张□"])
        #expect(encoded.warnings.count == 1)
    }

    @Test func tooLongQRPayloadIsATypedError() {
        let receipt = Receipt(title: "t", elements: [.qrCode(payload: String(repeating: "x", count: 4000))])
        #expect(throws: PrintError.self) { _ = try ESCPOSEncoder(profile: .mm58).encode(receipt) }
    }
}
