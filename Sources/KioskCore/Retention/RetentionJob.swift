import Foundation

/// One purge the retention service runs each day besides the audit purge, e.g. "purge the
/// personal data of mail requests delivered more than N days ago".
package struct RetentionJob: Sendable {
    /// A short dotted name for logs and the audit log, e.g. `mail.personalData`.
    package let name: String
    /// Does the purge for the given "now" and returns how many records it purged.
    package let purge: @Sendable (_ now: Date) async throws -> Int

    package init(name: String, purge: @escaping @Sendable (_ now: Date) async throws -> Int) {
        self.name = name
        self.purge = purge
    }
}
