/// A status/result numbering could not be built from configuration.
package struct StatusCodeMappingError: Error, CustomStringConvertible, Sendable, Equatable {
    package let key: String
    package let value: String
    package var description: String {
        "status code mapping: \(key) = \"\(value)\" is not a number mapped to a known meaning"
    }
}

extension StatusCodeMapping {
    /// Builds a province's numbering from configuration tables such as
    /// `[status_codes] 1 = "received"` and `[result_codes] 2 = "voided"` (names are the raw values of
    /// ``PlatformStatus`` and ``PlatformResult``).
    ///
    /// - Throws: ``StatusCodeMappingError`` naming the first bad entry.
    package static func configured(statuses: [String: String], results: [String: String]) throws -> StatusCodeMapping {
        var mapping = StatusCodeMapping(statuses: [:], results: [:])
        for (code, name) in statuses {
            guard let number = Int(code), let status = PlatformStatus(rawValue: name) else {
                throw StatusCodeMappingError(key: code, value: name)
            }
            mapping.statuses[number] = status
        }
        for (code, name) in results {
            guard let number = Int(code), let result = PlatformResult(rawValue: name) else {
                throw StatusCodeMappingError(key: code, value: name)
            }
            mapping.results[number] = result
        }
        return mapping
    }
}
