import KioskTerminal

/// Sizes that differ between the standard layout and 长辈模式 (elder mode): taller buttons, wider gaps
/// and fewer items per screen for older citizens (rule R24: targets ≥ 60×60 dp ≈ 3 rows × 10 columns).
package struct LayoutMetrics: Sendable, Equatable {
    /// Rows of a button (at least 3).
    package var buttonHeight: Int
    /// Minimum columns of a button (at least 10).
    package var minButtonWidth: Int
    /// Blank rows/columns between targets.
    package var gap: Int
    /// Outer margin, in columns.
    package var margin: Int
    /// Most list items per page (fewer when the screen is short).
    package var maxItemsPerPage: Int
    /// Rows per line of running text: 1, or 2 in 长辈模式 (line spacing ≥ 1.3, rule R24).
    package var lineSpacing: Int

    /// The standard layout.
    package static let standard = LayoutMetrics(
        buttonHeight: 3, minButtonWidth: 12, gap: 1, margin: 2, maxItemsPerPage: 6, lineSpacing: 1)
    /// 长辈模式: bigger targets, more spacing, fewer items.
    package static let elder = LayoutMetrics(
        buttonHeight: 5, minButtonWidth: 16, gap: 2, margin: 4, maxItemsPerPage: 3, lineSpacing: 2)

    /// The smallest screen the elder layout is designed for; below it 长辈模式 keeps the standard target
    /// sizes (so nothing is clipped) and only shows fewer items per page.
    package static let elderDesignSize = (width: 100, height: 30)

    /// The smallest grid every screen is laid out for (the 80×24 of docs/terminal.md). Below it
    /// controls would overlap, so ``ScreenRenderer`` shows only 「屏幕尺寸不足」.
    package static let minimumSize = Size(width: 80, height: 24)

    /// Whether every screen can be laid out on a grid of `size` cells.
    package static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// The metrics for a screen of `width`×`height` cells in standard or elder mode.
    package static func resolve(elder: Bool, width: Int, height: Int) -> LayoutMetrics {
        guard elder else { return .standard }
        if width >= elderDesignSize.width && height >= elderDesignSize.height { return .elder }
        var compact = LayoutMetrics.standard
        compact.maxItemsPerPage = LayoutMetrics.elder.maxItemsPerPage
        return compact
    }
}
