import Foundation
import GRDB

/// A notice for the home screen from the gateway's 公告与配置 (per group, valid for a time).
package struct Announcement: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "announcement"
    /// The longest text shown; longer ones are cut at a character boundary.
    package static let maximumLength = 200

    package var id: Int64
    package var text: String
    package var validFrom: Date
    package var validTo: Date

    package init(id: Int64, text: String, validFrom: Date, validTo: Date) {
        self.id = id
        self.text = text
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// `text` as the screen may show it: control, format (bidi) and line-breaking characters become
    /// spaces, runs of spaces one, at most ``maximumLength`` characters; nil when nothing is left.
    package static func displayable(_ text: String) -> String? {
        var cleaned = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isSpace =
                scalar.properties.isWhitespace || category == .control || category == .format
                || category == .lineSeparator || category == .paragraphSeparator
            if isSpace {
                if !lastWasSpace { cleaned.append(" ") }
                lastWasSpace = true
            } else {
                cleaned.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return String(trimmed.prefix(maximumLength))
    }
}

extension AppDatabase {
    /// Replaces every announcement with `announcements` (their texts made ``Announcement/displayable(_:)``;
    /// empty ones dropped), in one transaction.
    package func replaceAnnouncements(_ announcements: [Announcement]) async throws {
        try await writer.write { db in
            try Announcement.deleteAll(db)
            for var announcement in announcements {
                guard let text = Announcement.displayable(announcement.text),
                    announcement.validTo > announcement.validFrom
                else { continue }
                announcement.text = text
                try announcement.insert(db)
            }
        }
    }

    /// The announcements valid at `now`, oldest first (the home screen).
    package func currentAnnouncements(now: Date) async throws -> [Announcement] {
        try await reader.read { db in
            try Announcement
                .filter(Column("validFrom") <= StoredTime(now) && Column("validTo") > StoredTime(now))
                .order(Column("validFrom"), Column("id"))
                .fetchAll(db)
        }
    }
}
