/// A QR code symbol as a square of modules, row-major, without its quiet zone.
///
/// Pure Swift so that screens (which cannot import KioskDevices) can draw the same symbol the
/// printer prints. Produced by `QREncoder` in KioskDevices.
package struct QRMatrix: Sendable, Hashable {
    /// Modules per side (21 for version 1, 17 + 4 × version in general).
    package let width: Int
    /// `width × width` flags, row-major; `true` is a dark module.
    package let modules: [Bool]

    /// The quiet zone, in modules, that every rendering adds on each side (ISO/IEC 18004 minimum).
    package static let quietZone = 4

    /// Creates a matrix from row-major dark flags.
    /// - Precondition: `modules.count == width * width`.
    package init(width: Int, modules: [Bool]) {
        precondition(width > 0 && modules.count == width * width, "QRMatrix needs width × width modules")
        self.width = width
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; coordinates outside the symbol (the quiet
    /// zone) are light.
    package func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < width else { return false }
        return modules[y * width + x]
    }

    /// Modules per side including the quiet zone on both sides.
    package var widthWithQuietZone: Int { width + 2 * Self.quietZone }
}
