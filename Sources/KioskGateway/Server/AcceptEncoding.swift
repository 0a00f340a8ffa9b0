import Foundation

/// A request's `Accept-Encoding` (RFC 9110 §12.5.3): codings with their q-values, so that
/// `gzip;q=0` refuses gzip and `*` stands for every coding not named.
struct AcceptEncoding: Equatable {
    /// Lower-cased coding → weight 0…1; the first mention of a coding counts.
    private var weights: [String: Double] = [:]

    /// Parses the header's field values; an element with a malformed q-value is ignored.
    init(_ fieldValues: [String]) {
        for element in fieldValues.flatMap({ $0.split(separator: ",") }) {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = parts.first?.lowercased(), !coding.isEmpty else { continue }
            var weight = 1.0
            var malformed = false
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let value = Self.qValue(pair[1]) else {
                    malformed = true
                    break
                }
                weight = value
            }
            if !malformed, weights[coding] == nil { weights[coding] = weight }
        }
    }

    /// Whether a gzip answer is acceptable and not less preferred than identity: gzip (or its
    /// alias x-gzip, or `*`) has a weight above 0 and identity, if named, no higher one.
    var allowsGzip: Bool {
        guard let gzip = weights["gzip"] ?? weights["x-gzip"] ?? weights["*"], gzip > 0 else { return false }
        return gzip >= (weights["identity"] ?? 0)
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`.
    private static func qValue(_ text: String) -> Double? {
        let characters = Array(text)
        guard let first = characters.first, first == "0" || first == "1" else { return nil }
        if characters.count == 1 { return first == "1" ? 1 : 0 }
        let decimals = characters.dropFirst(2)
        guard characters[1] == ".", decimals.count <= 3, decimals.allSatisfy(\.isASCII), decimals.allSatisfy(\.isNumber)
        else { return nil }
        if first == "1" { return decimals.allSatisfy { $0 == "0" } ? 1 : nil }
        return Double(text)
    }
}
