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

extension RetentionJob {
    /// The job name of the mail personal-data purge.
    package static let mailPersonalDataJobName = "mail.personalData"

    /// Purges the recipient data of mail requests delivered more than `days` ago; with
    /// ``RetentionConfiguration/requireUpstreamDelivery`` their outbox row must also have been
    /// delivered to the gateway more than `days` ago.
    package static func mailPersonalData(
        database: AppDatabase, days: Int, configuration: RetentionConfiguration
    ) -> RetentionJob {
        RetentionJob(name: mailPersonalDataJobName) { [requireUpstream = configuration.requireUpstreamDelivery] now in
            try await database.purgeDeliveredMailPersonalData(
                deliveredBefore: now.addingTimeInterval(-Double(days) * 86_400), now: now,
                requireUpstreamDelivery: requireUpstream)
        }
    }
}
