/// What the screens may show about the card holder: masked values only (rule R3), computed by the app
/// with `KioskCore.Masking` before they reach the UI.
package struct CitizenSummary: Sendable, Equatable {
    /// The masked name, e.g. `张*梅`.
    package var maskedName: String
    /// The masked identity number, e.g. `110***********002X`.
    package var maskedIdNumber: String
    /// True when the card's validity period has ended; the kiosk then refuses the card in plain words.
    package var cardExpired: Bool

    /// Creates a summary from already masked values.
    package init(maskedName: String, maskedIdNumber: String, cardExpired: Bool = false) {
        self.maskedName = maskedName
        self.maskedIdNumber = maskedIdNumber
        self.cardExpired = cardExpired
    }
}
