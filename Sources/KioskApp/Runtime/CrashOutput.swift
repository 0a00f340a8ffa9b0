/// Where the Swift runtime's backtracer writes when the kiosk crashes: never on the citizen's screen.
///
/// The runtime catches a crash (a trap, `SIGSEGV`, `SIGBUS`, `SIGILL`, …) and runs `swift-backtrace`,
/// which by default colours its report, writes it to standard output and, when standard input and
/// output are a terminal, waits for a key to start a debugger. On a kiosk that terminal is the
/// citizen's screen. The runtime reads `SWIFT_BACKTRACE` once, at process start, so `kiosk run` and
/// `kiosk demo` re-execute themselves when the variable lacks the settings below
/// (``backtraceSetting(current:)``), and point their standard error, where the report then goes,
/// away from the terminal (``destination(standardErrorIsTerminal:preferJournal:journalAvailable:logFile:)``).
/// The decisions are pure; ``CrashOutputProcess`` makes the system calls.
enum CrashOutput {
    /// What the backtracer must be told: never wait for a key, plain text, to standard error.
    static let requiredSettings: [(key: String, value: String)] = [
        ("interactive", "no"), ("color", "no"), ("output-to", "stderr"),
    ]

    /// The `SWIFT_BACKTRACE` value to re-execute with, or `nil` when `current` already keeps the
    /// report off the screen (it has every required setting, or it turns crash catching off).
    ///
    /// The operator's other settings (`swift-backtrace=`, `preset=`, `limit=`, …) are kept in their
    /// order; a key given twice counts by its last value, as in the runtime.
    static func backtraceSetting(current: String?) -> String? {
        var pairs: [(key: String, value: String)] = []
        for item in (current ?? "").split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingWhitespace()
            let value = parts.count > 1 ? parts[1].trimmingWhitespace() : ""
            pairs.removeAll { $0.key == key }
            pairs.append((key, value))
        }
        let value = { (key: String) in pairs.last { $0.key == key }?.value.lowercased() }
        if let enable = value("enable"), ["no", "false", "0", "off"].contains(enable) { return nil }
        if requiredSettings.allSatisfy({ value($0.key) == $0.value }) { return nil }
        pairs.removeAll { pair in requiredSettings.contains { $0.key == pair.key } }
        if value("enable") == nil { pairs.insert(("enable", "yes"), at: 0) }
        pairs += requiredSettings
        return pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Where standard error (and so a crash report) goes.
    enum Destination: Equatable, Sendable {
        /// Standard error is not a terminal (the journal under `kiosk.service`, a file, a pipe): leave it.
        case unchanged
        /// A stream to the journal (`/run/systemd/journal/stdout`), as systemd itself connects a
        /// unit's output, under the identifier `kiosk`.
        case journal(socket: String)
        /// A file appended to (the state directory's `kiosk.log`, where the logs go too).
        case file(String)
    }

    /// The journal's stream socket (what `StandardError=journal` connects to).
    static let journalStreamSocket = "/run/systemd/journal/stdout"

    /// Where standard error must point before the kiosk draws.
    ///
    /// Only a terminal is moved: under `kiosk-cage.service` and `kiosk-kmscon.service` the kiosk's
    /// standard error is the pty foot or kmscon shows, although `JOURNAL_STREAM` is inherited from the
    /// unit, so the terminal test, not that variable, decides. Production prefers the journal (where
    /// the units' logs go), the demo its own log file.
    static func destination(
        standardErrorIsTerminal: Bool, preferJournal: Bool, journalAvailable: Bool, logFile: String
    ) -> Destination {
        guard standardErrorIsTerminal else { return .unchanged }
        if preferJournal, journalAvailable { return .journal(socket: journalStreamSocket) }
        return .file(logFile)
    }

    /// The header the journal's stream protocol expects before the first line: identifier, unit
    /// (none), priority (2, critical: a crash), no `<N>` level prefixes, and no forwarding to syslog,
    /// kmsg or the console (the console could be the citizen's screen).
    static func journalStreamHeader(identifier: String = "kiosk") -> String {
        "\(identifier)\n\n2\n0\n0\n0\n0\n"
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
