import KioskCore

/// What the reader service publishes.
package enum ReaderEvent: Sendable, CustomStringConvertible {
    /// The status changed (also sent first to every new subscriber).
    case statusChanged(ReaderStatus)
    /// A card answered find and select and its read has begun (the screen shows 读卡中 until
    /// `cardInserted` or `readFailed`; a slow reader or a noisy line takes seconds).
    case cardReading
    /// A card was read. The identity is session data: wipe it when the session ends.
    case cardInserted(Identity)
    /// The card that was read has left the field.
    case cardRemoved
    /// A card is in the field but could not be read (timeout, SAM error, removed mid-read).
    case readFailed(ReaderError)

    package var description: String {
        switch self {
        case .statusChanged(let status): "statusChanged(\(status))"
        case .cardReading: "cardReading"
        case .cardInserted(let identity): "cardInserted(\(identity))"
        case .cardRemoved: "cardRemoved"
        case .readFailed(let error): "readFailed(\(error))"
        }
    }
}
