import Foundation
import Hummingbird
import KioskCore

/// A submitted `application/x-www-form-urlencoded` form, at most 64 KiB.
struct ConsoleForm: Sendable {
    let fields: [String: String]

    /// Reads the body of `request`.
    static func read(_ request: Request) async throws -> ConsoleForm {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let text = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
        return ConsoleForm(fields: fields)
    }

    /// Reads the body and checks its `csrf` field against the session's token (constant time).
    ///
    /// - Throws: ``ConsoleRefusal/staleForm`` when it is missing or wrong.
    static func read(_ request: Request, checkedFor staff: StaffSession) async throws -> ConsoleForm {
        let form = try await read(request)
        guard let sent = form.fields["csrf"],
            ConstantTime.equals(Array(sent.utf8), Array(staff.csrfToken.utf8))
        else { throw ConsoleRefusal.staleForm }
        return form
    }

    /// The field trimmed of surrounding white space; empty when absent.
    subscript(_ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
