import Foundation

/// An RFC 9457 `application/problem+json` error body.
package struct Problem: Codable, Sendable, Equatable, Error {
    /// `about:blank` unless a more specific URI applies.
    package var type: String
    package var title: String
    package var status: Int
    package var detail: String?

    package init(status: Int, title: String, detail: String? = nil, type: String = "about:blank") {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// The media type of a problem body.
    package static let mediaType = "application/problem+json"
}
