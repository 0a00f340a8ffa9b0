import Foundation

/// A command staff sent to a kiosk, delivered in heartbeat responses until it is reported.
package struct DeviceCommand: Codable, Sendable, Equatable {
    package var id: UUID
    package var kind: Kind
    /// After this the kiosk drops the command unexecuted.
    package var deadline: Date

    package init(id: UUID, kind: Kind, deadline: Date) {
        self.id = id
        self.kind = kind
        self.deadline = deadline
    }

    /// What the kiosk does (at most once per id, at its next idle moment).
    package enum Kind: String, Codable, Sendable, CaseIterable {
        case reconnectReader, printTest, resync, restartApp
    }
}

/// A kiosk's report of one executed command.
package struct CommandResult: Codable, Sendable, Equatable {
    package var id: UUID
    package var ok: Bool
    package var detail: String?

    package init(id: UUID, ok: Bool, detail: String? = nil) {
        self.id = id
        self.ok = ok
        self.detail = detail
    }
}
