/// How long data is kept, and how often the purge runs.
package struct RetentionConfiguration: Sendable, Hashable {
    /// The legal floor for audit rows: 网络安全法 §21 asks for network logs of at least six
    /// months; 183 days covers the longest six months of the calendar.
    package static let minimumAuditRetentionDays = 183

    /// The days asked for in the configuration (`[retention] audit_days`).
    package let requestedAuditRetentionDays: Int
    /// How often the purge runs (a day by default).
    package let interval: Duration
    /// On a connected kiosk: a mail request's personal data is purged only once its outbox row was
    /// delivered to the gateway, plus the configured days. `false` (an island kiosk) purges by the
    /// citizen's delivery alone.
    package let requireUpstreamDelivery: Bool

    package init(
        auditRetentionDays: Int = RetentionConfiguration.minimumAuditRetentionDays,
        interval: Duration = .seconds(86_400), requireUpstreamDelivery: Bool = false
    ) {
        self.requestedAuditRetentionDays = auditRetentionDays
        self.interval = interval
        self.requireUpstreamDelivery = requireUpstreamDelivery
    }

    /// The days actually kept: the requested value, raised to the legal minimum.
    package var auditRetentionDays: Int { max(requestedAuditRetentionDays, Self.minimumAuditRetentionDays) }

    /// `true` when the configured value was below the minimum and has been raised.
    package var wasAuditRetentionRaised: Bool { requestedAuditRetentionDays < Self.minimumAuditRetentionDays }
}
