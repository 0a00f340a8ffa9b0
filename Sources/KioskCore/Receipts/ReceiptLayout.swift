/// Lays out text elements of a receipt into printer lines (shared by the ESC/POS encoder and the
/// screen renderer so paper and screen wrap identically).
package enum ReceiptLayout {
    /// The separator between a field's label and value (a full-width colon).
    package static let fieldSeparator = "："

    /// Lines of a text paragraph for a paper width of `columns` single-width columns.
    ///
    /// Double-width text gets half the columns. Alignment is *not* applied (the printer aligns);
    /// see ``aligned(_:style:columns:)`` for a padded version.
    package static func lines(of text: String, style: ReceiptTextStyle, columns: Int) -> [String] {
        ReceiptLineWrapper.wrap(text, columns: style.doubleWidth ? max(columns / 2, 1) : columns)
    }

    /// Lines of a `label：value` field, continuation lines indented under the value when the label is
    /// short enough.
    package static func lines(ofField label: String, value: String, columns: Int) -> [String] {
        let head = label + fieldSeparator
        let indent = ReceiptTextWidth.columns(of: head)
        return ReceiptLineWrapper.wrap(head + value, columns: columns, indent: indent <= columns / 2 ? indent : 0)
    }

    /// The dashed rule for a paper width.
    package static func rule(columns: Int) -> String {
        String(repeating: "-", count: max(columns, 1))
    }

    /// A line padded with leading spaces as the printer would align it.
    package static func aligned(_ line: String, style: ReceiptTextStyle, columns: Int) -> String {
        let available = style.doubleWidth ? columns / 2 : columns
        let free = max(available - ReceiptTextWidth.columns(of: line), 0)
        let pad: Int
        switch style.alignment {
        case .left: pad = 0
        case .center: pad = free / 2
        case .right: pad = free
        }
        return String(repeating: " ", count: pad) + line
    }
}
