import Foundation

/// Keyset paging for the console's long lists: a page is "the next N rows after this key", so the
/// 600th page of 30,000 kiosks costs what the first does (an index range scan, no OFFSET).
struct ConsolePaging: Sendable {
    /// Rows per page.
    static let pageSize = 50

    /// The link to the next page, when there is one (the query fetched one row more than a page).
    static func nextLink(path: String, query: [(String, String)], lastKey: String?, hasMore: Bool) -> String? {
        guard hasMore, let lastKey else { return nil }
        let parts = (query.filter { !$0.1.isEmpty && $0.0 != "after" } + [("after", lastKey)]).map {
            "\($0.0)=\(escape($0.1))"
        }
        return path + "?" + parts.joined(separator: "&")
    }

    /// A query value escaped for a URL.
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
