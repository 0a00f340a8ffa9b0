import Foundation

/// Parses and validates the applications file of `kiosk data import applications` (schema in
/// docs/data-formats.md). Every record is checked before anything is stored, so an import is all or
/// nothing.
package enum CaseFileImport {
    /// The validated content of a file.
    package struct Content: Sendable {
        package var items: [ServiceItem]
        package var caseFiles: [CaseFile]

        /// Creates content to store (tests and tools that build records directly).
        package init(items: [ServiceItem], caseFiles: [CaseFile]) {
            self.items = items
            self.caseFiles = caseFiles
        }
    }

    /// Parses `data`.
    ///
    /// - Parameters:
    ///   - mapping: the status/result numbering the codes must belong to.
    ///   - now: stored as `updatedAt`.
    /// - Throws: the first ``CaseFileImportError``.
    package static func parse(
        _ data: Data, mapping: StatusCodeMapping = .standard, now: Date
    ) throws -> Content {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CaseFileImportError(problem: "not valid JSON: \(error)")
        }
        guard case .object(let object) = root else {
            throw CaseFileImportError(problem: "the top level must be an object with an \"applications\" array")
        }
        let unknown = Set(object.keys).subtracting(["$schema", "version", "items", "applications"])
        if let key = unknown.sorted().first {
            throw CaseFileImportError(field: key, problem: "unknown top-level key")
        }
        if let version = object["version"], version != .integer(1) {
            throw CaseFileImportError(field: "version", problem: "only version 1 is supported")
        }
        guard case .array(let records)? = object["applications"] else {
            throw CaseFileImportError(field: "applications", problem: "missing or not an array")
        }
        var items: [ServiceItem] = []
        var itemCodes: Set<String> = []
        var itemElements: [JSONValue] = []
        if let items = object["items"] {
            guard case .array(let elements) = items else {
                throw CaseFileImportError(field: "items", problem: "not an array")
            }
            itemElements = elements
        }
        for (index, element) in itemElements.enumerated() {
            let reader = try FieldReader(element, section: "items", index: index, numberKey: "code")
            let item = try reader.serviceItem()
            guard itemCodes.insert(item.code).inserted else {
                throw reader.error("code", "duplicate item code in this file")
            }
            items.append(item)
        }
        var caseFiles: [CaseFile] = []
        var numbers: Set<String> = []
        for (index, element) in records.enumerated() {
            let reader = try FieldReader(element, section: "applications", index: index, numberKey: "number")
            let caseFile = try reader.caseFile(mapping: mapping, now: now)
            guard numbers.insert(caseFile.number).inserted else {
                throw reader.error("number", "duplicate 办件编号 in this file")
            }
            caseFiles.append(caseFile)
        }
        return Content(items: items, caseFiles: caseFiles)
    }

    /// Parses a time: ISO 8601 with an offset (`2026-02-13T09:30:00+08:00`) or GB/T 39046
    /// `YYYYMMDDThhmmss` in China Standard Time.
    package static func parseTime(_ text: String) -> Date? {
        if text.count == 15, text.dropFirst(8).first == "T" {
            let digits = text.filter(\.isASCIIDigit)
            guard digits.count == 14 else { return nil }
            let value = { (from: Int, length: Int) in Int(String(Array(digits)[from..<from + length]))! }
            let day = CivilDate(year: value(0, 4), month: value(4, 2), day: value(6, 2))
            let (hour, minute, second) = (value(8, 2), value(10, 2), value(12, 2))
            guard day.isValid, hour < 24, minute < 60, second < 60 else { return nil }
            return ChinaTime.date(day, hour: hour, minute: minute, second: second)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

/// Typed access to one JSON record with errors that name the record and field.
private struct FieldReader {
    let object: [String: JSONValue]
    let section: String
    let index: Int
    let number: String?

    init(_ element: JSONValue, section: String, index: Int, numberKey: String) throws {
        guard case .object(let object) = element else {
            throw CaseFileImportError(section: section, index: index, problem: "not an object")
        }
        self.object = object
        self.section = section
        self.index = index
        self.number = object[numberKey]?.stringValue
    }

    func error(_ field: String, _ problem: String) -> CaseFileImportError {
        CaseFileImportError(section: section, index: index, number: number, field: field, problem: problem)
    }

    func checkKeys(_ allowed: Set<String>) throws {
        if let key = Set(object.keys).subtracting(allowed).sorted().first {
            throw error(key, "unknown field")
        }
    }

    func string(_ key: String, max: Int = 200) throws -> String {
        guard let value = try optionalString(key, max: max) else { throw error(key, "required") }
        return value
    }

    func optionalString(_ key: String, max: Int = 200, in object: [String: JSONValue]? = nil, prefix: String = "")
        throws -> String?
    {
        let source = object ?? self.object
        guard let raw = source[key], raw != .null else { return nil }
        guard case .string(let value) = raw else { throw error(prefix + key, "must be a string") }
        let trimmed = String(value.trimmingWhitespace())
        if trimmed.isEmpty { return nil }
        guard trimmed.count <= max else { throw error(prefix + key, "longer than \(max) characters") }
        return trimmed
    }

    func int(_ key: String) throws -> Int? {
        guard let raw = object[key], raw != .null else { return nil }
        guard case .integer(let value) = raw else { throw error(key, "must be an integer") }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let raw = object[key], raw != .null else { return nil }
        guard case .bool(let value) = raw else { throw error(key, "must be true or false") }
        return value
    }

    func time(_ key: String, in object: [String: JSONValue]? = nil, prefix: String = "") throws -> Date? {
        guard let text = try optionalString(key, max: 40, in: object, prefix: prefix) else { return nil }
        guard let date = CaseFileImport.parseTime(text) else {
            throw error(prefix + key, "not a time (use 2026-02-13T09:30:00+08:00 or 20260213T093000)")
        }
        return date
    }

    func objects(_ key: String) throws -> [[String: JSONValue]] {
        guard let raw = object[key], raw != .null else { return [] }
        guard case .array(let array) = raw else { throw error(key, "must be an array") }
        return try array.enumerated().map { offset, element in
            guard case .object(let object) = element else { throw error("\(key)[\(offset)]", "not an object") }
            return object
        }
    }

    func serviceItem() throws -> ServiceItem {
        try checkKeys(["code", "name", "department", "allowsMail", "mailIsFree", "consultPhone", "supervisionPhone"])
        let code = try string("code", max: 64)
        return ServiceItem(
            code: code, name: try string("name"), department: try string("department"),
            allowsMail: try bool("allowsMail") ?? false, mailIsFree: try bool("mailIsFree") ?? true,
            consultPhone: try optionalString("consultPhone", max: 30),
            supervisionPhone: try optionalString("supervisionPhone", max: 30))
    }

    func caseFile(mapping: StatusCodeMapping, now: Date) throws -> CaseFile {
        try checkKeys([
            "number", "itemName", "itemCode", "department", "applicantName", "applicantIdNumber", "agentIdNumber",
            "approvalType", "statusCode", "resultCode", "acceptedAt", "promiseLimit", "promiseUnit", "promisedAt",
            "pauses", "finishedAt", "deliveredAt", "itemAllowsMail", "mailFlagged", "certificateName",
            "consultPhone", "supervisionPhone", "addressOnRecord", "queryPassword", "steps",
        ])
        let number = try string("number", max: 50)
        guard CaseNumber.isValid(number) else { throw error("number", "must be 1–50 characters of 0-9, A-Z, a-z, -") }
        let applicantIdNumber = try string("applicantIdNumber", max: 18).uppercased()
        guard IDNumberCheck.isValid(applicantIdNumber) else {
            throw error("applicantIdNumber", "not a valid 18-character ID number (GB 11643 check failed)")
        }
        let agentIdNumber = try optionalString("agentIdNumber", max: 18)?.uppercased()
        if let agentIdNumber, !IDNumberCheck.isValid(agentIdNumber) {
            throw error("agentIdNumber", "not a valid 18-character ID number (GB 11643 check failed)")
        }
        let approvalCode = try int("approvalType") ?? ApprovalType.promised.rawValue
        guard let approvalType = ApprovalType(rawValue: approvalCode) else {
            throw error("approvalType", "must be 1 (即办件), 2 (承诺件), 3 (联办件) or 4 (上报件)")
        }
        guard let statusCode = try int("statusCode") else { throw error("statusCode", "required") }
        guard mapping.statuses[statusCode] != nil else {
            throw error("statusCode", "unknown status code \(statusCode)")
        }
        let resultCode = try int("resultCode")
        if let resultCode, mapping.results[resultCode] == nil {
            throw error("resultCode", "unknown result code \(resultCode)")
        }
        let promiseLimit = try int("promiseLimit")
        let unitCode = try int("promiseUnit")
        var limit: TimeLimit?
        switch (promiseLimit, unitCode) {
        case (nil, nil): limit = nil
        case (let value?, let unit?):
            guard value >= 0, value <= 10_000 else { throw error("promiseLimit", "must be between 0 and 10000") }
            guard let unit = TimeLimitUnit(rawValue: unit) else {
                throw error("promiseUnit", "must be 1 (工作日), 2 (自然日), 3 (小时), 4 (分钟) or 5 (月)")
            }
            limit = TimeLimit(value, unit)
        case (nil, _): throw error("promiseLimit", "required when promiseUnit is given")
        case (_, nil): throw error("promiseUnit", "required when promiseLimit is given")
        }
        let acceptedAt = try time("acceptedAt")
        var pauses: [PausedInterval] = []
        for (offset, pause) in try objects("pauses").enumerated() {
            let prefix = "pauses[\(offset)]."
            guard let kindText = pause["kind"]?.stringValue, let kind = PausedInterval.Kind(rawValue: kindText) else {
                throw error(prefix + "kind", "must be correction, suspension or specialProcedure")
            }
            guard let start = try time("start", in: pause, prefix: prefix) else {
                throw error(prefix + "start", "required")
            }
            let end = try time("end", in: pause, prefix: prefix)
            if let end, end < start { throw error(prefix + "end", "is before start") }
            pauses.append(PausedInterval(kind: kind, start: start, end: end))
        }
        var steps: [CaseStep] = []
        for (offset, step) in try objects("steps").enumerated() {
            let prefix = "steps[\(offset)]."
            guard let name = try optionalString("name", max: 50, in: step, prefix: prefix) else {
                throw error(prefix + "name", "required")
            }
            guard let start = try time("start", in: step, prefix: prefix) else {
                throw error(prefix + "start", "required")
            }
            steps.append(
                CaseStep(
                    name: name, handler: try optionalString("handler", max: 100, in: step, prefix: prefix),
                    start: start,
                    end: try time("end", in: step, prefix: prefix),
                    opinion: try optionalString("opinion", max: 500, in: step, prefix: prefix)))
        }
        let password = try optionalString("queryPassword", max: 32)
        if let password, password.count < 4 { throw error("queryPassword", "shorter than 4 characters") }
        return CaseFile(
            number: number, itemName: try string("itemName"), itemCode: try optionalString("itemCode", max: 64),
            department: try string("department"), applicantName: try string("applicantName", max: 60),
            applicantIdNumber: applicantIdNumber, agentIdNumber: agentIdNumber, approvalType: approvalType,
            statusCode: statusCode, resultCode: resultCode, acceptedAt: acceptedAt, promiseLimit: limit,
            promisedAt: try time("promisedAt"), pauses: pauses, finishedAt: try time("finishedAt"),
            deliveredAt: try time("deliveredAt"), itemAllowsMail: try bool("itemAllowsMail") ?? false,
            mailFlagged: try bool("mailFlagged") ?? false, certificateName: try optionalString("certificateName"),
            consultPhone: try optionalString("consultPhone", max: 30),
            supervisionPhone: try optionalString("supervisionPhone", max: 30),
            addressOnRecord: try optionalString("addressOnRecord"),
            queryPasswordHash: password.map(QueryPassword.hash), steps: steps, updatedAt: now)
    }
}
