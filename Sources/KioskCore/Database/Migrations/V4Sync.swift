import GRDB

extension Migration {
    /// The connected kiosk (`KioskSync`): dead letters and submission ids in the outbox, versions and
    /// tombstones for the replica, the sync state, the command log, the USB export time of a mail
    /// request, and the home screen's announcements.
    static let v4Sync = Migration("v4-sync") { db in
        try db.alter(table: "outbox") { t in
            t.add(column: "deadLetteredAt", .datetime)
            t.add(column: "deadLetterReason", .text)
            t.add(column: "submissionId", .text)
        }
        // The delivery loop's batch: undelivered, not dead-lettered, oldest first. A partial index
        // holds only the rows still to send, so it stays small however long the history grows; its
        // leading columns match the batch's equality terms, so SQLite picks it over `outboxPending`
        // and reads it in id order (no sort).
        try db.create(
            index: "outboxUndelivered", on: "outbox", columns: ["deliveredAt", "deadLetteredAt", "id"],
            condition: Column("deliveredAt") == nil && Column("deadLetteredAt") == nil)

        // The version of the gateway's change that last wrote each replica row (0: imported).
        try db.alter(table: "caseFile") { t in
            t.add(column: "version", .integer).notNull().defaults(to: 0)
        }
        try db.alter(table: "serviceItem") { t in
            t.add(column: "version", .integer).notNull().defaults(to: 0)
        }
        // The version of the last status change the gateway sent for this device's own request.
        try db.alter(table: "mailRequest") { t in
            t.add(column: "statusVersion", .integer).notNull().defaults(to: 0)
            t.add(column: "exportedAt", .datetime)
        }

        // The version of a delete, so an older upsert arriving after it is skipped.
        try db.create(table: "replicaTombstone") { t in
            t.column("entity", .text).notNull()
            t.column("key", .text).notNull()
            t.column("version", .integer).notNull()
            t.primaryKey(["entity", "key"])
        }

        // Small values the sync service keeps: the replica cursor, the last contact, the config ETag.
        try db.create(table: "syncState") { t in
            t.primaryKey("key", .text)
            t.column("value", .text)
            t.column("updatedAt", .datetime).notNull()
        }

        // Commands from the gateway, each run at most once per id.
        try db.create(table: "deviceCommand") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("deadline", .datetime)
            t.column("receivedAt", .datetime).notNull()
            t.column("startedAt", .datetime)
            t.column("finishedAt", .datetime)
            t.column("ok", .boolean)
            t.column("detail", .text)
            t.column("reportedAt", .datetime)
        }

        // Announcements for the home screen, as the sync process validated them (the UI process
        // reads typed rows, never the gateway's JSON). Replaced as a whole with each configuration.
        try db.create(table: "announcement") { t in
            t.primaryKey("id", .integer)
            t.column("text", .text).notNull()
            t.column("validFrom", .datetime).notNull()
            t.column("validTo", .datetime).notNull()
        }
    }
}
