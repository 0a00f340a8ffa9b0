import KioskCore

/// A 1-bit image, row-major, 8 pixels per byte with the most significant bit leftmost and 1 = black:
/// the layout of both ESC/POS `GS v 0` raster data and the PBM P4 format.
package struct MonochromeBitmap: Sendable, Hashable {
    package let width: Int
    package let height: Int
    package let bytesPerRow: Int
    package private(set) var bits: [UInt8]

    /// A white image.
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bytesPerRow = (width + 7) / 8
        bits = [UInt8](repeating: 0, count: bytesPerRow * height)
    }

    /// Whether the pixel at (`x`, `y`) is black.
    package func isBlack(x: Int, y: Int) -> Bool {
        bits[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }

    /// Paints the rectangle of `width × height` pixels at (`x`, `y`) black (clipped to the image).
    package mutating func fill(x: Int, y: Int, width w: Int, height h: Int) {
        let x0 = max(x, 0)
        let x1 = min(x + w, width)
        let y0 = max(y, 0)
        let y1 = min(y + h, height)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            let base = row * bytesPerRow
            for column in x0..<x1 {
                bits[base + column / 8] |= 0x80 >> UInt8(column % 8)
            }
        }
    }

    /// A centred QR code on a `canvasWidth`-dot wide image: modules of `moduleDots` dots, with the
    /// 4-module quiet zone above and below (left and right it is part of the white canvas).
    /// - Precondition: the symbol with its quiet zone fits in `canvasWidth`.
    package static func qrCode(_ matrix: QRMatrix, moduleDots: Int, canvasWidth: Int) -> MonochromeBitmap {
        let side = matrix.widthWithQuietZone * moduleDots
        precondition(side <= canvasWidth, "QR code does not fit the paper")
        var image = MonochromeBitmap(width: canvasWidth, height: side)
        let left = (canvasWidth - side) / 2 + QRMatrix.quietZone * moduleDots
        let top = QRMatrix.quietZone * moduleDots
        for y in 0..<matrix.width {
            var x = 0
            while x < matrix.width {
                guard matrix.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < matrix.width, matrix.isDark(x: x + run, y: y) { run += 1 }
                image.fill(
                    x: left + x * moduleDots,
                    y: top + y * moduleDots,
                    width: run * moduleDots,
                    height: moduleDots
                )
                x += run
            }
        }
        return image
    }

    /// The image as a binary PBM (P4) file.
    package var pbm: [UInt8] {
        Array("P4\n\(width) \(height)\n".utf8) + bits
    }
}
