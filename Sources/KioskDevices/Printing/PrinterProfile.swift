/// What the kiosk knows about a receipt printer model; the app fills it from configuration.
package struct PrinterProfile: Sendable, Hashable {
    /// A profile name for logs and the command line (`58mm`, `80mm`).
    package var name: String
    /// Printable dots per line (384 for 58 mm paper, 576 for 80 mm at 203 dpi).
    package var dotsPerLine: Int
    /// Single-width (12×24) characters per line (32 or 48).
    package var columns: Int
    /// Whether the printer implements `GS ( k` QR codes; otherwise QR codes are sent as raster images.
    package var nativeQR: Bool
    /// The double-byte character set of the printer's Chinese font.
    package var charset: PrinterCharset
    /// Dots per QR module in raster mode (shrunk automatically when the symbol would not fit).
    package var qrModuleDots: Int
    /// Rows per `GS v 0` band (small bands suit printers with small buffers).
    package var rasterBandRows: Int
    /// Lines fed before the cut so the last line clears the cutter.
    package var feedLinesBeforeCut: Int

    /// Creates a profile.
    package init(
        name: String,
        dotsPerLine: Int,
        columns: Int,
        nativeQR: Bool = false,
        charset: PrinterCharset = .gb18030,
        qrModuleDots: Int = 6,
        rasterBandRows: Int = 256,
        feedLinesBeforeCut: Int = 4
    ) {
        self.name = name
        self.dotsPerLine = dotsPerLine
        self.columns = columns
        self.nativeQR = nativeQR
        self.charset = charset
        self.qrModuleDots = qrModuleDots
        self.rasterBandRows = rasterBandRows
        self.feedLinesBeforeCut = feedLinesBeforeCut
    }

    /// Cheap 58 mm printers (ZJ-5870, POS-5890): 384 dots, 32 columns, no native QR.
    package static let mm58 = PrinterProfile(name: "58mm", dotsPerLine: 384, columns: 32, qrModuleDots: 6)
    /// 80 mm printers at 203 dpi: 576 dots, 48 columns; native QR off until configured.
    package static let mm80 = PrinterProfile(name: "80mm", dotsPerLine: 576, columns: 48, qrModuleDots: 8)

    /// The built-in profile called `name` (`58mm` or `80mm`).
    package static func named(_ name: String) -> PrinterProfile? {
        switch name.lowercased() {
        case "58mm", "58": mm58
        case "80mm", "80": mm80
        default: nil
        }
    }
}

/// The Chinese character set a printer font covers; text is encoded to it with glibc iconv.
package enum PrinterCharset: String, Sendable, Hashable, CaseIterable {
    /// GB 2312 (EUC-CN): 6 763 hanzi.
    case gb2312
    /// GBK (CP936): about 21 000 hanzi.
    case gbk
    /// GB 18030 (four-byte sequences for everything else in Unicode).
    case gb18030

    /// The iconv name.
    package var iconvName: String {
        switch self {
        case .gb2312: "GB2312"
        case .gbk: "GBK"
        case .gb18030: "GB18030"
        }
    }
}
