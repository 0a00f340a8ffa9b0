/// Masking of personal data for screens, paper, QR payloads and logs (rule R3 of the domain rules).
///
/// Every function here is total: it never throws and never returns more of the input than the rule
/// allows, whatever the input looks like (short, empty, with spaces or non-ASCII characters).
package enum Masking {
    /// Masks an identity-document number, keeping the first 3 and the last 4 characters.
    ///
    /// `11010519491231002X` becomes `110***********002X`. Inputs of 7 characters or fewer are masked
    /// completely, so a short fragment never leaks whole.
    package static func idNumber(_ number: String) -> String {
        keep(number, first: 3, last: 4)
    }

    /// Masks a phone number, keeping the first 3 and the last 4 digits: `13812345678` → `138****5678`.
    package static func phone(_ phone: String) -> String {
        keep(phone, first: 3, last: 4)
    }

    /// Masks a personal name: the first character and `*` for each other one, except that names of
    /// three or more characters keep their last character (`张三` → `张*`, `欧阳娜娜` → `欧**娜`).
    package static func name(_ name: String) -> String {
        let characters = Array(name.trimmingWhitespace())
        switch characters.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(characters[0]) + "*"
        default:
            return String(characters[0]) + String(repeating: "*", count: characters.count - 2)
                + String(characters[characters.count - 1])
        }
    }

    /// Shortens an address to its district: everything up to and including the first 区, 县, 旗 or
    /// 市 after a province or city, followed by `****`. An address without such a marker keeps only
    /// its first 6 characters.
    package static func address(_ address: String) -> String {
        let characters = Array(address.trimmingWhitespace())
        guard !characters.isEmpty else { return "" }
        let markers: Set<Character> = ["区", "县", "旗"]
        if let index = characters.firstIndex(where: { markers.contains($0) }), index < characters.count - 1 {
            return String(characters[...index]) + "****"
        }
        if let index = characters.lastIndex(of: "市"), index < characters.count - 1 {
            return String(characters[...index]) + "****"
        }
        return String(characters.prefix(min(6, max(characters.count - 1, 0)))) + "****"
    }

    /// Keeps `first` leading and `last` trailing characters and replaces the rest with `*`.
    /// When the string is too short to hide anything, every character is replaced.
    package static func keep(_ value: String, first: Int, last: Int) -> String {
        let characters = Array(value.trimmingWhitespace())
        guard characters.count > first + last else {
            return String(repeating: "*", count: characters.count)
        }
        let hidden = characters.count - first - last
        return String(characters.prefix(first)) + String(repeating: "*", count: hidden)
            + String(characters.suffix(last))
    }

    /// Replaces every identity number (15 or 18 characters, the last of an 18 possibly `X`) and every
    /// mainland mobile number (11 digits starting with 1) found in free text by its masked form.
    ///
    /// This is the last line of defence for log messages and error texts that may quote user input.
    package static func redactingPersonalNumbers(in text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            let token = String(run)
            let digits = run.allSatisfy(\.isASCIIDigit)
            let idLike =
                (run.count == 18 && run.prefix(17).allSatisfy(\.isASCIIDigit)
                    && (run[17].isASCIIDigit || run[17] == "X" || run[17] == "x"))
                || (run.count == 15 && digits)
            let phoneLike = run.count == 11 && digits && run[0] == "1"
            if idLike {
                output += idNumber(token)
            } else if phoneLike {
                output += phone(token)
            } else if digits && run.count > 11 {
                // Long digit runs of unknown meaning (bank cards, concatenated numbers): keep 3 + 4.
                output += keep(token, first: 3, last: 4)
            } else {
                output += token
            }
            run.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isASCIIDigit || ((character == "X" || character == "x") && run.count == 17) {
                run.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}

extension Character {
    /// `true` for the ASCII digits 0–9 only (not full-width or other scripts' digits).
    package var isASCIIDigit: Bool {
        guard let ascii = asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and ideographic spaces.
    package func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
