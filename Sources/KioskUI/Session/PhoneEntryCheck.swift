import KioskCore

extension StringKey {
    /// The message for a phone typed on a keypad screen, or `nil` when it is a mobile number.
    ///
    /// The rule is the domain's (``KioskCore/MobileNumber``), so a number this accepts is not
    /// refused by the back end later: `12…` gets ``phoneNotMobile``, anything short of 11 digits
    /// gets ``phoneIncomplete``.
    static func phoneProblem(_ text: String) -> StringKey? {
        do throws(MobileNumberError) {
            _ = try MobileNumber(text)
            return nil
        } catch {
            return error.isNotMobilePrefix ? .phoneNotMobile : .phoneIncomplete
        }
    }
}
