import KioskCore

/// Turns a ``Receipt`` into ESC/POS bytes for one printer profile.
///
/// The output starts with `ESC @`, enters Chinese mode (`FS &`, with `FS ! n` always set explicitly,
/// since printers boot with different Kanji defaults), prints text encoded to the profile's charset,
/// prints QR codes natively (`GS ( k`) when the profile says the printer can, otherwise as banded
/// `GS v 0` raster images, and ends with `FS .` and the cut.
package struct ESCPOSEncoder: Sendable {
    package let profile: PrinterProfile

    /// Creates an encoder for `profile`.
    package init(profile: PrinterProfile) {
        self.profile = profile
    }

    /// The encoded receipt.
    /// - Throws: ``PrintError`` when iconv is unavailable or a QR payload cannot be encoded.
    package func encode(_ receipt: Receipt) throws(PrintError) -> EncodedReceipt {
        let text = try ChineseTextEncoder(charset: profile.charset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16_384)
        var warnings: [PrintWarning] = []
        var rasters: [MonochromeBitmap] = []
        let columns = profile.columns

        bytes += ESCPOS.initialize
        bytes += ESCPOS.enterChinese
        bytes += ESCPOS.chineseMode(doubleWidth: false, doubleHeight: false)

        func setStyle(_ style: ReceiptTextStyle) {
            let alignment: UInt8 =
                switch style.alignment {
                case .left: 0
                case .center: 1
                case .right: 2
                }
            bytes += ESCPOS.align(alignment)
            bytes += ESCPOS.bold(style.bold)
            bytes += ESCPOS.size(doubleWidth: style.doubleWidth, doubleHeight: style.doubleHeight)
            bytes += ESCPOS.chineseMode(doubleWidth: style.doubleWidth, doubleHeight: style.doubleHeight)
        }
        func printLines(_ lines: [String]) {
            for line in lines {
                text.encode(line, into: &bytes, warnings: &warnings)
                bytes.append(ESCPOS.lf)
            }
        }
        let plain = ReceiptTextStyle()

        for element in receipt.elements {
            switch element {
            case .text(let value, let style):
                setStyle(style)
                printLines(ReceiptLayout.lines(of: value, style: style, columns: columns))
                setStyle(plain)
            case .field(let label, let value):
                printLines(ReceiptLayout.lines(ofField: label, value: value, columns: columns))
            case .rule:
                printLines([ReceiptLayout.rule(columns: columns)])
            case .feed(let count):
                if count > 0 { bytes += ESCPOS.feed(count) }
            case .qrCode(let payload):
                let matrix: QRMatrix
                do {
                    matrix = try QREncoder.encode(payload)
                } catch {
                    throw PrintError.qrCode(error)
                }
                if profile.nativeQR {
                    bytes += ESCPOS.align(1)
                    bytes += ESCPOS.nativeQR(Array(payload.utf8), moduleSize: moduleDots(for: matrix))
                    bytes.append(ESCPOS.lf)
                    bytes += ESCPOS.align(0)
                } else {
                    let image = MonochromeBitmap.qrCode(
                        matrix,
                        moduleDots: moduleDots(for: matrix),
                        canvasWidth: profile.dotsPerLine
                    )
                    appendRaster(image, to: &bytes)
                    rasters.append(image)
                }
            case .cut(let partial):
                bytes += ESCPOS.feed(profile.feedLinesBeforeCut)
                bytes += ESCPOS.cut(partial: partial)
            }
        }
        bytes += ESCPOS.leaveChinese
        return EncodedReceipt(bytes: bytes, warnings: warnings, rasterImages: rasters)
    }

    /// The module size that fits the symbol with its quiet zone on the paper.
    private func moduleDots(for matrix: QRMatrix) -> Int {
        max(min(profile.qrModuleDots, profile.dotsPerLine / matrix.widthWithQuietZone), 1)
    }

    /// Appends `image` as `GS v 0` bands of at most `profile.rasterBandRows` rows.
    private func appendRaster(_ image: MonochromeBitmap, to bytes: inout [UInt8]) {
        let bandRows = max(profile.rasterBandRows, 1)
        var row = 0
        while row < image.height {
            let rows = min(bandRows, image.height - row)
            let start = row * image.bytesPerRow
            bytes += ESCPOS.rasterBand(
                bytesPerRow: image.bytesPerRow,
                rows: rows,
                data: image.bits[start..<(start + rows * image.bytesPerRow)]
            )
            row += rows
        }
    }
}

/// The bytes of one receipt and what the encoder had to change.
package struct EncodedReceipt: Sendable {
    /// The ESC/POS bytes to send.
    package var bytes: [UInt8]
    /// Characters printed as □ and other deviations, to be logged by the caller.
    package var warnings: [PrintWarning]
    /// The raster images (QR codes) in the order they print, for previews.
    package var rasterImages: [MonochromeBitmap]
}
