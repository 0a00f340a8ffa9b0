extension MailRequest {
    /// The request number the citizen is given (`YJ` and the stored id on eight digits, e.g.
    /// `YJ00000042`); before the request is stored, its idempotency key.
    package var requestNumber: String {
        id.map { "YJ" + $0.zeroPadded(8) } ?? idempotencyKey
    }

    /// The county a mail request is filed under: the card holder's own county when the ID number
    /// names one (a mainland resident), otherwise the kiosk's county.
    ///
    /// - Parameters:
    ///   - number: The card holder's ID number.
    ///   - kioskCounty: The kiosk's configured county code.
    package static func regionCode(for number: IdentityNumber, kioskCounty: String) -> String {
        number.residentCountyCode ?? kioskCounty
    }
}
