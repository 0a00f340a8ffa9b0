import Foundation
import Logging

/// Bootstraps swift-log once for the process.
enum LoggingSetup {
    /// Sends logs to standard error; when standard error is the terminal the kiosk's screen occupies
    /// (`screenOwnsTerminal`), to the journal's socket if there is one, else to `fallbackFile`.
    /// The demo prefers its own file (next to its database) to the journal. `standardErrorIsTerminal`
    /// is what descriptor 2 was before ``CrashOutputProcess`` pointed it away from the screen.
    static func bootstrap(
        level: Logger.Level, screenOwnsTerminal: Bool, preferJournal: Bool, fallbackFile: String?,
        standardErrorIsTerminal: Bool = isatty(STDERR_FILENO) == 1
    ) {
        LoggingSystem.bootstrap(
            makeFactory(
                level: level, screenOwnsTerminal: screenOwnsTerminal, preferJournal: preferJournal,
                fallbackFile: fallbackFile, standardErrorIsTerminal: standardErrorIsTerminal))
    }

    /// The handler factory ``bootstrap(level:screenOwnsTerminal:preferJournal:fallbackFile:)`` installs.
    static func makeFactory(
        level: Logger.Level, screenOwnsTerminal: Bool, preferJournal: Bool, fallbackFile: String?,
        standardErrorIsTerminal: Bool = isatty(STDERR_FILENO) == 1
    ) -> @Sendable (String) -> any LogHandler {
        let sink: any LogSink
        if screenOwnsTerminal, standardErrorIsTerminal {
            if preferJournal, FileManager.default.fileExists(atPath: JournalSink.defaultSocket) {
                sink = JournalSink()
            } else if let fallbackFile {
                sink = FileSink(path: fallbackFile)
            } else {
                sink = MemorySink()  // nowhere safe to write: drop rather than scribble on the screen
            }
        } else {
            sink = StandardErrorSink()
        }
        return { label in MaskingLogHandler(label: label, sink: sink, level: level) }
    }
}
