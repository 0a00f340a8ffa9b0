import KioskCore
import KioskDevices
import KioskUI
import Logging
import ServiceLifecycle

/// Turns reader events into the UI's card events: a card read opens a session in the back end (which
/// keeps the identity) and only a token and the masked summary go on to the screen.
struct CardBridge: Service {
    let readerEvents: AsyncStream<ReaderEvent>
    let backend: LiveSessionBackend
    let output: AsyncStream<CardEvent>.Continuation
    let logger: Logger

    func run() async throws {
        for await event in readerEvents.cancelOnGracefulShutdown() {
            switch event {
            case .cardReading:
                output.yield(.reading)
            case .cardInserted(let identity):
                let (token, summary) = await backend.open(identity: identity)
                output.yield(.inserted(summary, session: token))
            case .cardRemoved:
                output.yield(.removed)
            case .readFailed(let error):
                logger.notice("card read failed", metadata: ["reader.error": "\(error)"])
                output.yield(.readFailed)
            case .statusChanged(let status):
                logger.info("reader status", metadata: ["reader.status": "\(status)"])
            }
        }
        output.finish()
    }
}
