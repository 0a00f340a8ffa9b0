import Foundation
import Logging

/// Bootstraps swift-log once for the process.
enum LoggingSetup {
    /// Sends logs to standard error, or to `fallbackFile` when standard error is a terminal that the
    /// kiosk's screen will occupy (`screenOwnsTerminal`).
    static func bootstrap(level: Logger.Level, screenOwnsTerminal: Bool, fallbackFile: String?) {
        let sink: any LogSink
        if screenOwnsTerminal, isatty(STDERR_FILENO) == 1, let fallbackFile {
            sink = FileSink(path: fallbackFile)
        } else {
            sink = StandardErrorSink()
        }
        LoggingSystem.bootstrap { label in
            MaskingLogHandler(label: label, sink: sink, level: level)
        }
    }
}
