/// A QR code's module matrix, as the app's encoder produced it (no quiet zone included).
package struct QRCodeImage: Sendable, Equatable {
    /// Modules per side.
    package let size: Int
    /// Row-major modules, `true` for dark.
    package let modules: [Bool]

    /// Creates an image from row-major modules; `modules.count` must be `size * size` (extra modules are
    /// ignored, missing ones are light).
    package init(size: Int, modules: [Bool]) {
        self.size = max(0, size)
        self.modules = modules
    }

    /// Creates an image from rows of modules.
    package init(rows: [[Bool]]) {
        self.init(size: rows.count, modules: rows.flatMap { $0 })
    }

    /// Whether the module at column `x`, row `y` is dark; outside the matrix everything is light.
    package func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        let index = y * size + x
        return index < modules.count && modules[index]
    }
}
