/// What the staff console shows, for ``MaintenanceScreen`` to draw. The console's logic (PIN gate,
/// actions, audit) lives with the kiosk's parts; only its state crosses into the UI.
package enum MaintenanceView: Sendable, Equatable {
    /// The PIN prompt: how many digits were typed (never the digits) and a note about the last try.
    case pin(digits: Int, notice: MaintenanceNotice?)
    /// The staff menu: one line per part of the kiosk and the result of the last action.
    case menu(status: [MaintenanceStatusLine], notice: MaintenanceNotice?)
}

/// One line of the console's status: which part, and its state in technical words.
package struct MaintenanceStatusLine: Sendable, Equatable {
    /// The part's name (读卡器, 打印机, …), from the catalog.
    package var part: StringKey
    /// Its state, in the words of the device model (`online`, `paper ok`, a doctor's finding).
    package var state: String

    /// Creates a status line.
    package init(part: StringKey, state: String) {
        self.part = part
        self.state = state
    }
}

/// A note on the console: a catalog text with its arguments.
package struct MaintenanceNotice: Sendable, Equatable {
    /// The text.
    package var key: StringKey
    /// Its `{name}` placeholders' values.
    package var arguments: [String: String]

    /// Creates a notice.
    package init(_ key: StringKey, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}
