import Foundation
import GRDB

/// An audit record the maintenance gate asks its owner to store (rule R6: admin actions are
/// audited). The gate is pure and has no wall clock or database, so it hands these out and
/// the caller turns them into ``AuditEvent``s with ``auditEvent(time:terminalId:)``.
package struct MaintenanceAuditEntry: Sendable, Hashable {
    /// Event names used by the gate.
    package enum Name {
        /// A PIN was checked: `outcome` is `success` or `failure`.
        package static let login = "admin.login"
        /// Too many wrong PINs: the gate is locked.
        package static let lockout = "admin.lockout"
        /// Maintenance mode ended: `detail` says whether on request or after inactivity.
        package static let exit = "admin.exit"
        /// An action taken in maintenance mode: `detail` names it.
        package static let action = "admin.action"
    }

    package let event: String
    package let outcome: String
    package let detail: String?

    package init(event: String, outcome: String, detail: String? = nil) {
        self.event = event
        self.outcome = outcome
        self.detail = detail
    }

    /// The row for the audit log.
    package func auditEvent(time: Date, terminalId: String) -> AuditEvent {
        AuditEvent(time: time, terminalId: terminalId, event: event, outcome: outcome, subject: "admin", detail: detail)
    }
}

extension AppDatabase {
    /// Appends the gate's audit entries in one transaction, all stamped with `time`.
    package func recordMaintenanceAudit(_ entries: [MaintenanceAuditEntry], time: Date, terminalId: String)
        async throws
    {
        guard !entries.isEmpty else { return }
        try await writer.write { db in
            for entry in entries {
                var event = entry.auditEvent(time: time, terminalId: terminalId)
                try event.insert(db)
            }
        }
    }
}
