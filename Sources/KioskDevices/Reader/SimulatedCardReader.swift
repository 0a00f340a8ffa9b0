import Glibc
import Synchronization

/// An in-process ID-card reader for demo mode and tests: a ``SAMEmulator`` behind the same
/// ``SAMConnector``/``SAMTransport`` interface as the serial driver, speaking the same frames.
///
/// The demo UI calls ``place(_:)``/``place(named:)`` and ``remove()``; ``unplug()``/``replug()``
/// simulate a lost device. Pass it as the `connector` of ``IDCardReaderService``.
package final class SimulatedCardReader: SAMConnector, Sendable {
    /// The emulated SAM (for faults: `emulator.inject(.readFailure)`).
    package let emulator: SAMEmulator
    private let plugged = Mutex(true)
    private let sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - card: a card already on the reader.
    ///   - sleep: how an unanswered request waits for its deadline (default: `Task.sleep`).
    package init(
        card: CardRecord? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        emulator = SAMEmulator(card: card)
        self.sleep = sleep
    }

    /// Places `card` on the reader.
    package func place(_ card: CardRecord) { emulator.place(card) }

    /// Places the sample card called `name` (see ``SampleCards``); `false` when there is none.
    @discardableResult
    package func place(named name: String) -> Bool {
        guard let card = SampleCards.named(name) else { return false }
        emulator.place(card)
        return true
    }

    /// Takes the card away.
    package func remove() { emulator.remove() }

    /// Makes the reader disappear: exchanges fail with a hang-up and connecting fails.
    package func unplug() { plugged.withLock { $0 = false } }

    /// Brings the reader back.
    package func replug() {
        emulator.powerCycle()
        plugged.withLock { $0 = true }
    }

    package func connect() async throws -> any SAMTransport {
        guard plugged.withLock({ $0 }) else {
            throw ReaderError.device(.system("open", errno: ENOENT, path: "simulated"))
        }
        return Link(reader: self)
    }

    package var description: String { "simulated reader" }

    /// One connection to the simulated reader.
    private struct Link: SAMTransport {
        let reader: SimulatedCardReader

        func exchange(_ command: SAMCommand, timeout: Duration) async throws -> SAMResponse {
            guard reader.plugged.withLock({ $0 }) else { throw ReaderError.device(.hangUp(path: "simulated")) }
            var decoder = FrameDecoder()
            for answer in reader.emulator.receive(command.encoded) {
                decoder.append(answer.bytes)
            }
            while let output = decoder.next() {
                switch output {
                case .frame(let body):
                    if let response = SAMResponse(body: body) { return response }
                case .badChecksum:
                    throw ReaderError.badChecksum(command)
                case .badLength:
                    continue
                }
            }
            try await reader.sleep(timeout)
            throw ReaderError.timeout(command)
        }

        func close() async {}
    }
}
