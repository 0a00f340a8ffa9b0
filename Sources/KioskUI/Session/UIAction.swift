import KioskCore

/// What a citizen asked for, after hit-testing and key mapping: the state machine's input vocabulary.
package enum UIAction: Sendable, Equatable, Hashable {
    // Home
    case startNoCardQuery
    case toggleElderMode
    /// 高对比度 on the home screen: this citizen's session in the high-contrast theme.
    case toggleHighContrast
    case toggleLanguage
    case demoPlaceCard(index: Int)
    case demoRemoveCard
    // Navigation
    case back
    case home
    case end
    case showPage(Int)
    case openCaseFile(number: String)
    // Detail
    case printSlip
    case requestMail
    // Entry
    case keypad(KeypadKey)
    case focusField(Int)
    case submit
    // Mail
    case chooseAddress(id: String)
    case printMailReceipt
    case finish
    // Rating
    case rate(SatisfactionLevel)
    case toggleReason(RatingReason)
    case skipRating
    // Idle overlay
    case continueSession
}

/// A key of the on-screen keypad, or a hardware key mapped to one.
package enum KeypadKey: Sendable, Equatable, Hashable {
    /// Types a character.
    case character(Character)
    /// Deletes the last character.
    case delete
    /// Clears the field.
    case clear
    /// Switches between the digit and the letter page of the keypad.
    case toggleLetters
}
