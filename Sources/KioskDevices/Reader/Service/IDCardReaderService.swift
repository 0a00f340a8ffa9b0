import Glibc
import KioskCore
import Logging
import ServiceLifecycle
import Synchronization

/// The ID-card reader as a long-lived service: polls the SAM, reads cards, detects removal and
/// device loss, and publishes ``ReaderEvent``s.
///
/// **Polling.** Every ``ReaderServiceConfiguration/pollInterval`` it sends find (`20 01`). A fresh
/// card (0x9F) is selected and read (`30 01`, 3 s deadline) and published as `cardInserted`.
///
/// **Removal rule.** A card that has been read answers find with 0x80 until it leaves the field, so
/// 0x80 alone cannot tell "still there" from "gone". While a read card is present, each poll sends
/// find and, on 0x80, select (`20 02`): select 0x90 = still there; select 0x81 on
/// ``ReaderServiceConfiguration/removalConfirmations`` consecutive polls = removed (`cardRemoved`).
/// A find answering 0x9F while a card is present means the field saw a new card: `cardRemoved`,
/// then the new card is read. A card whose read failed is re-read after a successful select, up to
/// ``ReaderServiceConfiguration/maximumReadAttempts`` times. After every (re)connection the field
/// is probed the same way, so a card read before a reconnect is read again. The emulator
/// implements the same card behaviour.
///
/// **Device loss.** A device error (hang-up, EIO, cannot open) or
/// ``ReaderServiceConfiguration/silentPollsBeforeReconnect`` unanswered polls close the port,
/// publish `offline`/`noDevice` (and `cardRemoved` if a card was read), and reopen with exponential
/// backoff until the device answers again.
///
/// **Status** (``status``) is a lock-protected snapshot: reading it never waits behind a read.
/// **Events** (``events()``): any number of consumers, each an `AsyncStream` that starts with the
/// current status.
package actor IDCardReaderService<C: Clock>: Service where C.Duration == Duration {
    private enum CardState {
        case none
        /// A card was read and handed on; the identity itself is the session's (rule R5), not ours.
        case read
        case unreadable(attempts: Int)
    }

    private let connector: any SAMConnector
    private let configuration: ReaderServiceConfiguration
    private let clock: C
    private let logger: Logger
    private let broadcaster = EventBroadcaster<ReaderEvent>()
    private let statusBox = Mutex(ReaderStatus.initial)
    private var cardState = CardState.none
    private var missedSelects = 0
    private var backoff: Duration
    private let reconnectRequested = Mutex(false)

    /// - Parameters:
    ///   - connector: opens the line (``SerialConnector`` or ``SimulatedCardReader``).
    ///   - configuration: timings and policy.
    ///   - clock: drives the poll interval and the reopen backoff.
    ///   - logger: the service logs at `info` and below, never unmasked identity data.
    package init(
        connector: any SAMConnector, configuration: ReaderServiceConfiguration = .init(), clock: C, logger: Logger
    ) {
        self.connector = connector
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.backoff = configuration.initialBackoff
    }

    /// The current status, without waiting for any exchange in progress.
    package nonisolated var status: ReaderStatus { statusBox.withLock { $0 } }

    /// Asks the service to close the port and open it again (maintenance mode's "reconnect devices"):
    /// the current connection ends after the poll under way, a card that was read counts as removed,
    /// and the reader is re-opened and re-initialised as after an unplug.
    package nonisolated func requestReconnect() {
        reconnectRequested.withLock { $0 = true }
    }

    /// A new event subscription, starting with the current status.
    package nonisolated func events() -> AsyncStream<ReaderEvent> {
        // Under the status lock, so no status change can slip between the snapshot and the subscription.
        statusBox.withLock { status in broadcaster.subscribe(initial: .statusChanged(status)) }
    }

    /// Runs until cancelled or graceful shutdown; then closes the port and ends every subscription.
    package func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.loop()
        }
        broadcaster.finish()
    }

    // MARK: Connection loop

    private func loop() async {
        while !Task.isCancelled {
            let transport: any SAMTransport
            do {
                transport = try await connector.connect()
            } catch {
                let absent = (error as? ReaderError)?.serialError?.errno == ENOENT
                update(device: absent ? .noDevice : .offline, media: .unknown)
                logger.info(
                    "reader not available", metadata: ["reader.port": "\(connector)", "reader.error": "\(error)"])
                guard await pause() else { return }
                continue
            }
            do {
                try await session(
                    SAMClient(
                        transport: transport, commandTimeout: configuration.commandTimeout,
                        readTimeout: configuration.readTimeout))
            } catch is CancellationError {
                await transport.close()
                return
            } catch {
                logger.info(
                    "reader connection lost", metadata: ["reader.port": "\(connector)", "reader.error": "\(error)"])
            }
            await transport.close()
            if case .read = cardState { broadcaster.send(.cardRemoved) }
            cardState = .none
            // A SAM that failed its self-test stays `hardwareError` until it answers well again.
            update(device: status.device == .hardwareError ? nil : .offline, media: .unknown)
            guard await pause() else { return }
        }
    }

    /// Sleeps for the current backoff and doubles it; `false` when cancelled.
    private func pause() async -> Bool {
        do {
            try await clock.sleep(for: backoff)
        } catch {
            return false
        }
        backoff = min(backoff * 2, configuration.maximumBackoff)
        return true
    }

    /// Handshake, then poll until an error ends the connection.
    private func session(_ client: SAMClient) async throws {
        let samStatus = try await client.status()
        guard samStatus == .success else {
            update(device: .hardwareError, media: .unknown)
            throw ReaderError.unexpectedStatus(.status, samStatus)
        }
        let samID = try? await client.samID()
        backoff = configuration.initialBackoff
        missedSelects = 0
        // A card may already lie in the field, read during an earlier connection (it then answers
        // find with 0x80): treat the field as "card of unknown content" until select says otherwise.
        cardState = .unreadable(attempts: 0)
        update(device: .online, media: .notPresent, samID: samID)
        logger.info("reader online", metadata: ["reader.port": "\(connector)", "reader.sam": "\(samID ?? "-")"])
        var silentPolls = 0
        while true {
            try Task.checkCancellation()
            if reconnectRequested.withLock({
                let value = $0
                $0 = false
                return value
            }) {
                logger.info("reader reconnect requested", metadata: ["reader.port": "\(connector)"])
                backoff = configuration.initialBackoff
                throw ReaderReconnect()
            }
            do {
                try await pollOnce(client)
                silentPolls = 0
            } catch let error as ReaderError where error.category == .timeout {
                silentPolls += 1
                if silentPolls >= configuration.silentPollsBeforeReconnect { throw error }
            } catch let error as ReaderError where error.category == .protocol {
                logger.debug("reader poll answered badly", metadata: ["reader.error": "\(error)"])
            }
            try await clock.sleep(for: configuration.pollInterval)
        }
    }

    // MARK: Card state machine

    private func pollOnce(_ client: SAMClient) async throws {
        switch cardState {
        case .none:
            if try await client.findCard() { try await readFreshCard(client) }
        case .read:
            if try await client.findCard() {
                removed()
                try await readFreshCard(client)
            } else if try await client.selectCard() {
                missedSelects = 0
            } else {
                missedSelect()
            }
        case .unreadable(let attempts):
            if try await client.findCard() {
                try await readFreshCard(client)
            } else if try await client.selectCard() {
                missedSelects = 0
                if attempts < configuration.maximumReadAttempts { try await read(client, attempts: attempts) }
            } else {
                missedSelect()
            }
        }
    }

    /// A card answered find with 0x9F: select it and read it.
    private func readFreshCard(_ client: SAMClient) async throws {
        guard try await client.selectCard() else { return }
        try await read(client, attempts: 0)
    }

    /// Reads the selected card (announced as `cardReading`); a failure other than a device error is
    /// published as `readFailed`.
    private func read(_ client: SAMClient, attempts: Int) async throws {
        broadcaster.send(.cardReading)
        do {
            let identity = try await client.readCard()
            cardState = .read
            missedSelects = 0
            update(media: .present)
            logger.info(
                "card read",
                metadata: ["card.kind": "\(identity.kind.rawValue)", "card.number": "\(identity.maskedNumber)"])
            broadcaster.send(.cardInserted(identity))
        } catch let error as ReaderError where error.category != .device {
            cardState = .unreadable(attempts: attempts + 1)
            missedSelects = 0
            update(media: .present)
            logger.info(
                "card read failed", metadata: ["reader.error": "\(error)", "reader.attempt": "\(attempts + 1)"])
            broadcaster.send(.readFailed(error))
        }
    }

    /// Select answered 0x81: count it; enough in a row means the card left.
    private func missedSelect() {
        missedSelects += 1
        guard missedSelects >= configuration.removalConfirmations else { return }
        removed()
    }

    /// The card left the field.
    private func removed() {
        let wasRead = if case .read = cardState { true } else { false }
        cardState = .none
        missedSelects = 0
        update(media: .notPresent)
        if wasRead {
            logger.info("card removed")
            broadcaster.send(.cardRemoved)
        }
    }

    /// Changes the status and publishes it when it differs.
    private func update(device: DeviceState? = nil, media: MediaState? = nil, samID: String?? = nil) {
        statusBox.withLock { status in
            var next = status
            if let device { next.device = device }
            if let media { next.media = media }
            if let samID { next.samID = samID }
            guard next != status else { return }
            status = next
            broadcaster.send(.statusChanged(next))
        }
    }
}

extension IDCardReaderService where C == ContinuousClock {
    /// A service on the real clock.
    package init(connector: any SAMConnector, configuration: ReaderServiceConfiguration = .init(), logger: Logger) {
        self.init(connector: connector, configuration: configuration, clock: ContinuousClock(), logger: logger)
    }
}

/// Ends a connection on purpose so the service opens the port again.
struct ReaderReconnect: Error {}
