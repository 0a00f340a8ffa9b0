/// The validity period (有效期限) of a card: a start date and an end date or 长期 (no expiry).
package struct Validity: Sendable, Hashable, Codable {
    /// The end of a validity period.
    package enum End: Sendable, Hashable, Codable {
        /// Valid up to and including this date.
        case date(CardDate)
        /// 长期: the card does not expire (citizens aged 46 and over at issue).
        case longTerm
    }

    package let start: CardDate
    package let end: End

    package init(start: CardDate, end: End) {
        self.start = start
        self.end = end
    }

    /// `true` when `today` is after the end date. A 长期 card never expires.
    package func isExpired(on today: CardDate) -> Bool {
        switch end {
        case .date(let date): today > date
        case .longTerm: false
        }
    }

    /// `true` when `today` is before the start date (a card not valid yet: a clock or card problem).
    package func isNotYetValid(on today: CardDate) -> Bool {
        today < start
    }

    /// The period as printed on the card: `2015.01.01-长期`, `2016.05.01-2036.05.01`.
    package var displayText: String {
        func dotted(_ date: CardDate) -> String {
            let compact = date.compact
            let characters = Array(compact)
            return String(characters[0..<4]) + "." + String(characters[4..<6]) + "." + String(characters[6..<8])
        }
        switch end {
        case .date(let date): return dotted(start) + "-" + dotted(date)
        case .longTerm: return dotted(start) + "-长期"
        }
    }
}
