/// Renders a ``Receipt`` as plain text lines for the screen, the preview printer and logs.
///
/// Lines are laid out for `columns` printer columns exactly as the ESC/POS encoder wraps them.
/// Double-width text is shown at single width (a terminal cannot enlarge it) but wrapped as printed.
/// A QR code becomes a placeholder line: screens draw the ``QRMatrix`` themselves.
package enum ReceiptTextRenderer {
    /// The line shown in place of a QR code.
    package static let qrPlaceholder = "[二维码]"

    /// The receipt's text lines.
    package static func lines(of receipt: Receipt, columns: Int) -> [String] {
        var output: [String] = []
        for element in receipt.elements {
            switch element {
            case .text(let text, let style):
                for line in ReceiptLayout.lines(of: text, style: style, columns: columns) {
                    var shown = ReceiptLayout.aligned(line, style: style, columns: columns)
                    if style.doubleWidth {
                        // Centre the single-width rendering on the full width instead.
                        shown = ReceiptLayout.aligned(
                            line,
                            style: ReceiptTextStyle(alignment: style.alignment),
                            columns: columns
                        )
                    }
                    output.append(shown)
                }
            case .field(let label, let value):
                output += ReceiptLayout.lines(ofField: label, value: value, columns: columns)
            case .rule:
                output.append(ReceiptLayout.rule(columns: columns))
            case .feed(let count):
                output += Array(repeating: "", count: max(count, 0))
            case .qrCode:
                output.append(ReceiptLayout.aligned(qrPlaceholder, style: .centered, columns: columns))
            case .cut:
                break
            }
        }
        return output
    }
}
