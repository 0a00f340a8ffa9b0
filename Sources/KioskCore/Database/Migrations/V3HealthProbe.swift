import GRDB

extension Migration {
    /// A one-row table the health check writes to, to learn whether the database still takes
    /// commits (disk full, I/O errors) before a citizen's request would find out.
    static let v3HealthProbe = Migration("v3-health-probe") { db in
        try db.create(table: "healthProbe") { t in
            t.primaryKey("id", .integer)
            t.column("checkedAt", .datetime).notNull()
        }
    }
}
