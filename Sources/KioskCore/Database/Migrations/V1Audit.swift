import GRDB

extension Migration {
    /// The append-only audit log (rule R6): who did what, with the subject masked.
    static let v1Audit = Migration("v1-audit") { db in
        try db.create(table: "auditEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("time", .datetime).notNull().indexed()
            t.column("terminalId", .text).notNull()
            t.column("event", .text).notNull()
            t.column("outcome", .text).notNull()
            t.column("subject", .text)
            t.column("detail", .text)
        }
        // Append-only: updates and deletes are refused by the database itself, except the
        // retention purge, which runs with the `kioskRetentionPurge` flag table present.
        try db.execute(
            sql: """
                CREATE TABLE auditPurgeGate (open INTEGER NOT NULL);
                CREATE TRIGGER auditEventNoUpdate BEFORE UPDATE ON auditEvent
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                CREATE TRIGGER auditEventNoDelete BEFORE DELETE ON auditEvent
                WHEN NOT EXISTS (SELECT 1 FROM auditPurgeGate WHERE open = 1)
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """)
    }
}
