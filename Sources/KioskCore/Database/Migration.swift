import GRDB

/// One schema step. Migrations are history: once shipped, a migration is never edited; add a new one.
///
/// Each migration lives in its own file under `Database/Migrations/` as a static constant and is
/// listed in ``all``. Write them with literal table and column names, never with application types.
package struct Migration: Sendable {
    /// The identifier stored in `grdb_migrations`; never change it.
    package let identifier: String
    /// The schema change, run in its own transaction.
    package let body: @Sendable (Database) throws -> Void

    package init(_ identifier: String, body: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.body = body
    }

    /// Every migration, oldest first.
    package static let all: [Migration] = [
        .v1Audit,
        .v2Domain,
        .v3HealthProbe,
        .v4Sync,
    ]
}
