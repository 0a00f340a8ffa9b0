import Foundation
import KioskCore

/// Renders an identity for the terminal or as JSON, masked unless `showFull`.
struct IdentityPrinter {
    let identity: Identity
    let showFull: Bool
    let readMilliseconds: Double
    /// The transient faults waited through before the read.
    var faults = ReaderFaults()

    /// The fields in display order, as (key, value) pairs; masked values unless `showFull`.
    var fields: [(String, String)] {
        let today = CardDate(Date())
        var fields: [(String, String)] = [
            ("kind", identity.kind.rawValue),
            ("document", identity.kind.chineseName),
            ("name", showFull ? identity.name : identity.maskedName),
        ]
        if let english = identity.englishName, !english.isEmpty {
            fields.append(("englishName", showFull ? english : Masking.name(english)))
        }
        fields.append(("sex", identity.sex?.chineseName ?? "-"))
        if let nation = identity.nation { fields.append(("nation", nation.displayName)) }
        if let birth = identity.birthDate {
            fields.append(("birthDate", showFull ? birth.description : "\(birth.year)-**-**"))
        }
        if let address = identity.address, !address.isEmpty {
            fields.append(("address", showFull ? address : Masking.address(address)))
        }
        fields.append(("number", showFull ? identity.number.text : identity.maskedNumber))
        if let authority = identity.issuingAuthority, !authority.isEmpty { fields.append(("authority", authority)) }
        fields.append(("validity", identity.validity?.displayText ?? "-"))
        switch identity.specific {
        case .none: break
        case .residencePermit(let pass, let count):
            fields.append(("passNumber", showFull ? pass : Masking.keep(pass, first: 1, last: 2)))
            fields.append(("issueCount", count))
        case .foreignerCard(let nationality, let version, let code):
            fields += [("nationality", nationality), ("cardVersion", version), ("acceptingAuthority", code)]
        case .foreignerIDCard(let nationality, let renewals, _):
            fields += [("nationality", nationality), ("renewalCount", renewals)]
        }
        fields.append(("expired", identity.isExpired(on: today) ? "yes" : "no"))
        let issues = identity.issues.map(\.rawValue)
        fields.append(("issues", issues.isEmpty ? "none" : issues.joined(separator: ",")))
        return fields
    }

    /// Text (`key: value` lines, then the read time and the faults) or one JSON object.
    func render(json: Bool) -> String {
        let milliseconds = (readMilliseconds * 10).rounded() / 10
        guard json else {
            return (fields.map { "\($0.0): \($0.1)" } + ["readTime: \(milliseconds) ms", faults.summary])
                .joined(separator: "\n")
        }
        var object: [String: Any] = [:]
        for (key, value) in fields { object[key] = value }
        object["expired"] = identity.isExpired(on: CardDate(Date()))
        object["issues"] = identity.issues.map(\.rawValue)
        object["readTimeMilliseconds"] = milliseconds
        object["masked"] = !showFull
        object["faults"] = faults.count
        if let last = faults.last { object["lastFault"] = "\(last)" }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
