import Foundation
import KioskConfigFile

extension KioskConfiguration {
    /// The production configuration file.
    static let defaultPath = "/etc/kiosk/kiosk.toml"

    /// Loads and validates the file at `path`.
    ///
    /// - Throws: ``ConfigurationError`` listing every problem with its key and line.
    static func load(path: String) throws(ConfigurationError) -> KioskConfiguration {
        try ConfigFile.load(path: path, configuration(from:))
    }

    /// Loads `explicitPath` when given; otherwise the production file when it exists; otherwise the
    /// defaults. Returns the configuration and the file it came from.
    static func resolve(explicitPath: String?) throws(ConfigurationError) -> (KioskConfiguration, String?) {
        if let explicitPath { return (try load(path: explicitPath), explicitPath) }
        if FileManager.default.fileExists(atPath: defaultPath) { return (try load(path: defaultPath), defaultPath) }
        return (KioskConfiguration(), nil)
    }

    /// Parses and validates TOML text.
    static func parse(_ text: String, path: String = "<text>") throws(ConfigurationError) -> KioskConfiguration {
        try ConfigFile.parse(text, path: path, configuration(from:))
    }

    /// Every key the kiosk understands, in documentation order.
    static var allKeys: [String] {
        ConfigFile.keys { reader in _ = configuration(from: &reader) }
    }

    /// A configuration read from `reader` (defaults where a key is absent).
    private static func configuration(from reader: inout ConfigReader) -> KioskConfiguration {
        var configuration = KioskConfiguration()
        configuration.read(from: &reader)
        return configuration
    }

    // swiftlint:disable:next function_body_length
    private mutating func read(from r: inout ConfigReader) {
        r.string("site.name", into: &site.name, validate: Self.nonEmpty)
        r.string("site.region_code", into: &site.regionCode, validate: Self.digits(6))
        r.string("site.terminal_id", into: &site.terminalId, validate: Self.identifier)
        r.string("site.consult_phone", into: &site.consultPhone, validate: Self.nonEmpty)
        r.string("site.supervision_phone", into: &site.supervisionPhone, validate: Self.nonEmpty)
        r.string("site.help_text", into: &site.helpText, validate: Self.nonEmpty)

        r.choice("reader.driver", into: &reader.driver)
        r.string("reader.port", into: &reader.port, validate: Self.absolutePath)
        r.int("reader.baud", into: &reader.baud, allowed: [115_200, 57_600, 38_400, 19_200, 9_600])
        r.int("reader.poll_interval_ms", into: &reader.pollIntervalMilliseconds, range: 50...5_000)
        r.int("reader.read_timeout_ms", into: &reader.readTimeoutMilliseconds, range: 500...30_000)

        r.choice("printer.driver", into: &printer.driver)
        r.string("printer.queue", into: &printer.queue, validate: Self.nonEmpty)
        r.string("printer.cups_server", into: &printer.cupsServer)
        r.string("printer.socket_host", into: &printer.socketHost)
        r.int("printer.socket_port", into: &printer.socketPort, range: 1...65_535)
        r.choice("printer.profile", into: &printer.profile)
        r.choice("printer.charset", into: &printer.charset)
        r.bool("printer.native_qr", into: &printer.nativeQR)
        r.string("printer.preview_directory", into: &printer.previewDirectory)
        r.int("printer.job_timeout_seconds", into: &printer.jobTimeoutSeconds, range: 5...600)

        r.string("receipt.qr_url_template", into: &receipt.qrURLTemplate, validate: Self.qrTemplate)
        r.string("receipt.token_key", into: &receipt.tokenKey)
        r.int("receipt.token_validity_hours", into: &receipt.tokenValidityHours, range: 1...8_760)

        r.int("session.idle_timeout_seconds", into: &session.idleTimeoutSeconds, range: 30...600)
        r.int("session.form_idle_timeout_seconds", into: &session.formIdleTimeoutSeconds, range: 30...900)
        r.int("session.countdown_seconds", into: &session.countdownSeconds, range: 20...120)

        r.int("deadlines.due_soon_working_days", into: &deadlines.dueSoonWorkingDays, range: 0...30)
        r.string("deadlines.calendar_override_file", into: &deadlines.calendarOverrideFile)

        r.choice("ui.theme", into: &ui.theme)
        r.choice("ui.language", into: &ui.language)
        r.int("ui.repaint_interval_seconds", into: &ui.repaintIntervalSeconds, range: 10...3_600)

        r.string("storage.state_directory", into: &storage.stateDirectory)
        r.int("storage.health_check_seconds", into: &storage.healthCheckSeconds, range: 1...600)

        r.int("retention.delivered_mail_days", into: &retention.deliveredMailDays, range: 1...3_650)
        r.int("retention.audit_days", into: &retention.auditDays, range: 183...3_650)

        r.choice("evaluation.province_adapter", into: &evaluation.provinceAdapter)

        r.strings("maintenance.key_sequence", into: &maintenance.keySequence, nonEmpty: true) { name in
            KeyName.parse(name) == nil ? "\"\(name)\" is not a key name (F1–F12, KP0–KP9, KP*, Enter, …)" : nil
        }
        r.string("maintenance.pin_hash", into: &maintenance.pinHash, validate: Self.pinHash)
        r.int("maintenance.idle_exit_seconds", into: &maintenance.idleExitSeconds, range: 30...3_600)
        r.string("maintenance.export_directory", into: &maintenance.exportDirectory, validate: Self.absolutePath)

        r.choice("logging.level", into: &logging.level)

        r.string("gateway.url", into: &gateway.url, validate: Self.httpsURL)
        r.string("gateway.ca_file", into: &gateway.caFile, validate: Self.absolutePath)
        r.string("gateway.proxy", into: &gateway.proxy, validate: Self.proxyURL)
        r.int("gateway.heartbeat_seconds", into: &gateway.heartbeatSeconds, range: 10...3_600)
        r.int("gateway.pull_seconds", into: &gateway.pullSeconds, range: 5...3_600)
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.trimmingCharacters(in: .whitespaces).isEmpty ? "must not be empty" : nil
    }

    private static func digits(_ count: Int) -> (String) -> String? {
        { value in
            value.count == count && value.allSatisfy(\.isASCIIDigitCharacter) ? nil : "must be \(count) digits"
        }
    }

    private static func identifier(_ value: String) -> String? {
        let allowed = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return !value.isEmpty && value.count <= 32 && allowed
            ? nil : "must be 1–32 characters of A–Z, a–z, 0–9, '-' or '_'"
    }

    private static func httpsURL(_ value: String) -> String? {
        guard let url = URL(string: value), url.scheme == "https", url.host != nil else {
            return "must be an https:// URL of the gateway's device API"
        }
        return url.path.isEmpty || url.path == "/" ? nil : "must not have a path (https://host:port)"
    }

    private static func proxyURL(_ value: String) -> String? {
        guard let url = URL(string: value), url.scheme == "http", url.host != nil else {
            return "must be an http://host:port proxy URL"
        }
        return nil
    }

    private static func absolutePath(_ value: String) -> String? {
        value.hasPrefix("/") ? nil : "must be an absolute path"
    }

    private static func qrTemplate(_ value: String) -> String? {
        guard value.hasPrefix("https://") || value.hasPrefix("http://") else { return "must be an http(s) URL" }
        return value.contains("{id}") ? nil : "must contain the {id} placeholder"
    }

    private static func pinHash(_ value: String) -> String? {
        value.isEmpty || value.hasPrefix("pbkdf2-sha256$")
            ? nil : "must be empty or a hash from 'kiosk maintenance hash-pin' (pbkdf2-sha256$…)"
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
