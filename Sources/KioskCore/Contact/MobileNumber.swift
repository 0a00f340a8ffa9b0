/// A mainland China mobile number: 11 ASCII digits, `1` then `3`–`9`.
///
/// The one mobile-number rule of the kiosk. The mail form's phone (``MailRequest``), the callback
/// phone of a 差评 (``Evaluation``) and the UI's phone screens all check through this type, so a
/// number the keypad screen accepts is never refused later by the domain.
///
/// The number is personal data: its `description` is masked (`138****5678`); ``digits`` is the
/// full number, for storage and the postal export only.
package struct MobileNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 11 digits, normalised (surrounding white space removed).
    package let digits: String

    /// Checks and normalises `text`.
    ///
    /// Surrounding white space is removed; nothing else is rewritten (no `+86`, inner spaces or
    /// full-width digits are accepted), so the stored number is exactly what the citizen typed.
    ///
    /// - Throws: ``MobileNumberError`` saying what is wrong: nothing typed, not 11 ASCII digits, or
    ///   not a mobile prefix (`10`, `11`, `12` are not mobile numbers).
    package init(_ text: String) throws(MobileNumberError) {
        let trimmed = String(text.trimmingWhitespace())
        let bytes = Array(trimmed.utf8)
        if bytes.isEmpty { throw .missing }
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { throw .notDigits }
        guard bytes.count == 11 else { throw .wrongLength(bytes.count) }
        guard bytes[0] == 0x31, (0x33...0x39).contains(bytes[1]) else { throw .notMobilePrefix }
        self.digits = trimmed
    }

    /// The rule in the citizen's words, for forms that report a bad phone without saying why.
    package static let ruleMessage = "请输入11位手机号码(以13至19开头)"

    /// `true` when `text` is a valid mobile number once normalised.
    package static func isValid(_ text: String) -> Bool {
        (try? MobileNumber(text)) != nil
    }

    /// The number masked for screens and logs: `138****5678`.
    package var description: String { Masking.phone(digits) }
}
