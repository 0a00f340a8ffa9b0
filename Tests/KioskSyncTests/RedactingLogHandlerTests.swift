import KioskCore
import Logging
import Synchronization
import Testing

/// The sync process's logs mask ID and mobile numbers in messages and metadata.
struct RedactingLogHandlerTests {
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct Capturing: LogHandler {
        let captured: Captured
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let values = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            captured.lines.withLock { $0.append(([event.message.description] + values).joined(separator: " ")) }
        }
    }

    @Test func personalNumbersAreMaskedBeforeTheBaseHandler() {
        let captured = Captured()
        let logger = Logger(label: "test") { _ in RedactingLogHandler(Capturing(captured: captured)) }
        logger.error(
            "rejected 440106198703150016 for 13912345678",
            metadata: ["detail": "phone 13912345678", "list": ["440106198703150016"]])
        let line = captured.lines.withLock { $0.joined() }
        #expect(!line.contains("440106198703150016") && !line.contains("13912345678"), "\(line)")
        #expect(line.contains("rejected") && line.contains("detail="))
    }
}
