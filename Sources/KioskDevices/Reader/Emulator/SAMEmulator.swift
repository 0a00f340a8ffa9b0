import KioskCore
import Synchronization

/// A GA/T 467 SAM in software: it decodes host frames and answers exactly like the module,
/// including the behaviour of a card that has been read.
///
/// Card model (the rule the reader service relies on, see docs/reader.md):
/// - a card placed in the field answers find (`20 01`) with 0x9F until it has been read;
/// - once read (`30 01`/`30 10` succeeded) it answers find with 0x80 until it leaves the field;
/// - select (`20 02`) answers 0x90 whenever a card is in the field, read or not, and 0x81 otherwise;
/// - read needs a card in the field that was selected since it arrived, otherwise 0x41.
///
/// The emulator is transport-free: ``receive(_:)`` takes bytes and returns the answers to send.
/// ``SAMPTYHost`` serves it on a pseudo-terminal; ``SimulatedCardReader`` calls it in-process.
package final class SAMEmulator: Sendable {
    /// One answer to send back.
    package struct Answer: Sendable, Hashable {
        /// Size of the request frame that caused it (for line-speed pacing).
        package var requestSize: Int
        /// The bytes to send (a frame, possibly faulty, truncated or preceded by noise).
        package var bytes: [UInt8]
    }

    private struct State {
        var card: CardRecord?
        var alreadyRead = false
        var selected = false
        var faults: [EmulatorFault] = []
        var decoder = FrameDecoder(minimumLength: 3)
        var received: [SAMCommand] = []
    }

    private let state: Mutex<State>

    /// The SAM id served by `12 FF` (16 bytes; default 05.01-20150101-0012345678-1234567890).
    package let samIDData: [UInt8]

    /// Creates an emulator, optionally with a card already in the field.
    package init(card: CardRecord? = nil, samIDData: [UInt8]? = nil) {
        state = Mutex(State(card: card))
        self.samIDData =
            samIDData ?? [
                0x05, 0x00, 0x01, 0x00, 0x55, 0x77, 0x33, 0x01, 0x4E, 0x61, 0xBC, 0x00, 0xD2, 0x02, 0x96, 0x49,
            ]
    }

    // MARK: Control

    /// Puts `card` on the antenna (replacing any card there); it answers find with 0x9F.
    package func place(_ card: CardRecord) {
        state.withLock {
            $0.card = card
            $0.alreadyRead = false
            $0.selected = false
        }
    }

    /// Takes the card away.
    package func remove() {
        state.withLock {
            $0.card = nil
            $0.alreadyRead = false
            $0.selected = false
        }
    }

    /// The card in the field, if any.
    package var card: CardRecord? { state.withLock { $0.card } }

    /// Queues a fault for the next answers.
    package func inject(_ fault: EmulatorFault) {
        state.withLock { $0.faults.append(fault) }
    }

    /// Every well-formed command received so far, oldest first.
    package var receivedCommands: [SAMCommand] { state.withLock { $0.received } }

    /// Forgets partially received bytes (after the line was reset).
    package func resetLine() {
        state.withLock { $0.decoder.reset() }
    }

    /// A power cycle (unplug): the line is reset and a card in the field is fresh again.
    package func powerCycle() {
        state.withLock {
            $0.decoder.reset()
            $0.alreadyRead = false
            $0.selected = false
        }
    }

    // MARK: Protocol

    /// Feeds bytes from the host and returns the answers, in order.
    package func receive(_ bytes: [UInt8]) -> [Answer] {
        state.withLock { state in
            state.decoder.append(bytes)
            var answers: [Answer] = []
            while let output = state.decoder.next() {
                switch output {
                case .frame(let body):
                    let requestSize = body.count + SAMFrame.headerSize + 1
                    guard let command = SAMCommand(body: body) else {
                        answers.append(
                            Answer(requestSize: requestSize, bytes: SAMResponse(status: .lengthError).encoded))
                        continue
                    }
                    state.received.append(command)
                    if let answer = Self.answer(command, requestSize: requestSize, state: &state, samID: samIDData) {
                        answers.append(answer)
                    }
                case .badChecksum:
                    answers.append(Answer(requestSize: 10, bytes: SAMResponse(status: .checksumError).encoded))
                case .badLength:
                    answers.append(Answer(requestSize: 10, bytes: SAMResponse(status: .lengthError).encoded))
                }
            }
            return answers
        }
    }

    /// The answer to one command, after faults; `nil` when a fault swallows it.
    private static func answer(
        _ command: SAMCommand, requestSize: Int, state: inout State, samID: [UInt8]
    ) -> Answer? {
        let isRead = command == .readText || command == .readTextWithFingerprint
        // Faults that act on the next answer of any kind.
        if let index = state.faults.firstIndex(where: { if case .noAnswer = $0 { true } else { false } }),
            case .noAnswer(let count) = state.faults[index]
        {
            if count <= 1 { state.faults.remove(at: index) } else { state.faults[index] = .noAnswer(count: count - 1) }
            return nil
        }
        var response = respond(command, state: &state, samID: samID)
        var truncateAndRemove = false
        if isRead, let index = state.faults.firstIndex(of: .readFailure) {
            state.faults.remove(at: index)
            state.alreadyRead = false
            response = SAMResponse(sw1: 0x6A, sw2: 0x82, status: .readFailed)
        } else if isRead, let index = state.faults.firstIndex(of: .removeMidRead) {
            state.faults.remove(at: index)
            truncateAndRemove = true
        }
        if let index = state.faults.firstIndex(where: { if case .status = $0 { true } else { false } }),
            case .status(let code) = state.faults[index]
        {
            state.faults.remove(at: index)
            response = SAMResponse(status: SAMStatus(code: code))
        }
        var bytes = response.encoded
        if truncateAndRemove {
            bytes = Array(bytes.prefix(bytes.count / 2))
            state.card = nil
            state.alreadyRead = false
            state.selected = false
        }
        if let index = state.faults.firstIndex(of: .badChecksum) {
            state.faults.remove(at: index)
            bytes[bytes.count - 1] ^= 0x5A
        }
        if let index = state.faults.firstIndex(of: .garbageBeforeNextAnswer) {
            state.faults.remove(at: index)
            bytes = [0x00, 0xAA, 0xAA, 0x96, 0x13, 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF, 0x42, 0xAA] + bytes
        }
        return Answer(requestSize: requestSize, bytes: bytes)
    }

    /// The fault-free answer of a SAM holding `state.card`.
    private static func respond(_ command: SAMCommand, state: inout State, samID: [UInt8]) -> SAMResponse {
        switch (command.command, command.parameter) {
        case (0x10, 0xFF):
            state.selected = false
            return SAMResponse(status: .success)
        case (0x11, 0xFF):
            return SAMResponse(status: .success)
        case (0x12, 0xFF):
            return SAMResponse(status: .success, data: samID)
        case (0x20, 0x01):
            guard state.card != nil, !state.alreadyRead else { return SAMResponse(status: .noCard) }
            return SAMResponse(status: .cardFound, data: [0, 0, 0, 0])
        case (0x20, 0x02):
            guard state.card != nil else { return SAMResponse(status: .selectFailed) }
            state.selected = true
            return SAMResponse(status: .success, data: [UInt8](repeating: 0, count: 8))
        case (0x30, 0x01), (0x30, 0x10):
            guard let card = state.card, state.selected else {
                return SAMResponse(sw1: 0x6A, sw2: 0x82, status: .readFailed)
            }
            state.alreadyRead = true
            let text = CardTextBlock.encode(card)
            let photo = Array((card.photo + [UInt8](repeating: 0, count: 1024)).prefix(1024))
            var data: [UInt8] = [0x01, 0x00, 0x04, 0x00]
            if command.parameter == 0x10 { data += [0x00, 0x00] }
            return SAMResponse(status: .success, data: data + text + photo)
        case (0x30, 0x03):
            guard let card = state.card, state.selected else {
                return SAMResponse(sw1: 0x6A, sw2: 0x82, status: .readFailed)
            }
            guard !card.additionalAddress.isEmpty else { return SAMResponse(status: .emptyItem) }
            var record = card
            record.kind = .residentIDCard
            record.address = card.additionalAddress
            let block = CardTextBlock.encode(record)
            return SAMResponse(status: .success, data: Array(block[52..<122]))
        case (0x60, let parameter) where parameter <= 4 && command.data.isEmpty:
            return SAMResponse(status: .success)
        case (0x61, 0xFF) where command.data.count == 1:
            return SAMResponse(status: .success)
        default:
            return SAMResponse(status: .commandError)
        }
    }
}
