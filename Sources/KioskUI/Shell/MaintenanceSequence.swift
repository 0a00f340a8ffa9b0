import KioskTerminal

/// Recognises the staff key sequence that opens maintenance mode (only listened to on the home screen,
/// so a citizen's typing never triggers it).
package struct MaintenanceSequence: Sendable {
    /// The keys, in order.
    package let keys: [Key]
    private var matched = 0

    /// The default: F12 three times, then keypad `*`, `*` (not printed on any citizen-facing button).
    package static let defaultKeys: [Key] = [.function(12), .function(12), .function(12), .keypad("*"), .keypad("*")]

    /// Creates a detector for `keys`.
    package init(keys: [Key] = MaintenanceSequence.defaultKeys) {
        self.keys = keys
    }

    /// Feeds one key; returns true when it completes the sequence.
    package mutating func feed(_ key: Key) -> Bool {
        guard !keys.isEmpty else { return false }
        if key == keys[matched] {
            matched += 1
        } else {
            matched = key == keys[0] ? 1 : 0
        }
        if matched == keys.count {
            matched = 0
            return true
        }
        return false
    }
}
