/// Why an applications file was refused; names the record (index and 办件编号) and the field.
package struct CaseFileImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Index in the `applications` (or `items`) array, `nil` for file-level problems.
    package let index: Int?
    /// The 办件编号 (or item code) of the record, when it could be read.
    package let number: String?
    /// The field, e.g. `applicantIdNumber` or `pauses[1].end`.
    package let field: String?
    /// What is wrong, in English.
    package let problem: String
    /// `applications` or `items`.
    package let section: String

    init(
        section: String = "applications", index: Int? = nil, number: String? = nil, field: String? = nil,
        problem: String
    ) {
        self.section = section
        self.index = index
        self.number = number
        self.field = field
        self.problem = problem
    }

    package var description: String {
        var location = ""
        if let index { location += "\(section)[\(index)]" }
        if let number { location += " (\(number))" }
        if let field { location += (location.isEmpty ? "" : ", ") + "field \(field)" }
        return location.isEmpty ? problem : "\(location): \(problem)"
    }
}
