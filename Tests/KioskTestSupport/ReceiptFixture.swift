import KioskCore

/// The receipt settings the receipt and printer tests print with.
package enum ReceiptFixture {
    /// A site with terminal ZZ-0042 and a fixed QR key.
    package static let site = ReceiptSite(
        siteName: "某某市政务服务中心",
        terminalID: "ZZ-0042",
        qrLink: ReceiptQRLink(key: Array(0..<16))
    )

    /// The moment the receipts are printed at (for the QR token's expiry).
    package static let now = UnixTime(seconds: 1_795_300_000)
}
