/// A receipt as a list of printer-independent elements: what to print, not how.
///
/// Built by the templates in ``ReceiptTemplates`` (or by hand for test receipts), turned into ESC/POS
/// bytes by the encoder in KioskDevices and into text lines for the screen by ``ReceiptTextRenderer``.
/// Every personal value in a receipt is already masked: the templates do that before building it.
package struct Receipt: Sendable, Hashable {
    /// The job title shown in the print queue; never contains personal data.
    package var title: String
    /// The elements, top to bottom.
    package var elements: [ReceiptElement]

    /// Creates a receipt.
    package init(title: String, elements: [ReceiptElement]) {
        self.title = title
        self.elements = elements
    }
}

/// One element of a ``Receipt``.
package enum ReceiptElement: Sendable, Hashable {
    /// A paragraph of text, wrapped to the paper width.
    case text(String, ReceiptTextStyle = ReceiptTextStyle())
    /// `label：value`, wrapped with a hanging indent under the value.
    case field(label: String, value: String)
    /// A dashed rule across the paper.
    case rule
    /// Blank lines.
    case feed(lines: Int)
    /// A QR code of `payload` (a URL or token only, never personal data), centred.
    case qrCode(payload: String)
    /// Feed past the cutter and cut; `partial` leaves a hinge.
    case cut(partial: Bool)
}

/// Text style of a ``ReceiptElement/text(_:_:)`` paragraph.
package struct ReceiptTextStyle: Sendable, Hashable {
    /// Horizontal alignment.
    package enum Alignment: Sendable, Hashable {
        case left, center, right
    }

    package var alignment: Alignment
    package var bold: Bool
    /// Double-width characters: half as many columns per line.
    package var doubleWidth: Bool
    package var doubleHeight: Bool

    /// Creates a style; the default is left-aligned, regular, single size.
    package init(
        alignment: Alignment = .left,
        bold: Bool = false,
        doubleWidth: Bool = false,
        doubleHeight: Bool = false
    ) {
        self.alignment = alignment
        self.bold = bold
        self.doubleWidth = doubleWidth
        self.doubleHeight = doubleHeight
    }

    /// Centred, bold, double width and height: receipt titles.
    package static let title = ReceiptTextStyle(alignment: .center, bold: true, doubleWidth: true, doubleHeight: true)
    /// Centred regular text.
    package static let centered = ReceiptTextStyle(alignment: .center)
}
