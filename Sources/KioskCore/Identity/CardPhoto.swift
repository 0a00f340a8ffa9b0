import Synchronization

/// The card's 1024-byte WLT-compressed portrait, held in memory for the session only.
///
/// The kiosk never writes it anywhere (no file, no database, no log) and cannot decode it: WLT is a
/// proprietary format with no free decoder. ``wipe()`` overwrites the bytes with zeros; the session
/// calls it when it ends. The type is a reference so every copy of an ``Identity`` shares one buffer
/// and a single wipe clears them all.
package final class CardPhoto: Sendable {
    private let storage: Mutex<[UInt8]>

    /// Takes the raw bytes as read from the card.
    package init(bytes: [UInt8]) {
        storage = Mutex(bytes)
    }

    deinit {
        wipe()
    }

    /// The number of bytes (1024 on every card kind).
    package var count: Int { storage.withLock { $0.count } }

    /// `true` once ``wipe()`` has run, or when the card carried no photo bytes at all.
    package var isWiped: Bool { storage.withLock { $0.allSatisfy { $0 == 0 } } }

    /// Calls `body` with the bytes, for a licensed decoder or for forwarding; do not keep a copy.
    package func withBytes<Result>(_ body: ([UInt8]) throws -> Result) rethrows -> Result {
        try storage.withLock { try body($0) }
    }

    /// Overwrites every byte with zero, in place.
    package func wipe() {
        storage.withLock { bytes in
            bytes.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = 0 }
            }
        }
    }
}
