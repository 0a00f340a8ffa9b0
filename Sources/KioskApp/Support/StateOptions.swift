import ArgumentParser
import Foundation
import KioskCore

/// Options shared by the staff commands that work on the kiosk's database.
///
/// The state directory is, in order: `--state-directory`, `$STATE_DIRECTORY` (set by systemd's
/// `StateDirectory=`), the `[storage] state_directory` key of the configuration file, and
/// `/var/lib/kiosk`.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: /etc/kiosk/kiosk.toml when it exists).")
    var config: String?

    @Option(name: .long, help: "Directory holding kiosk.sqlite (default: $STATE_DIRECTORY or /var/lib/kiosk).")
    var stateDirectory: String?

    /// The directory the database lives in.
    func resolvedStateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let stateDirectory { return stateDirectory }
        if let fromSystemd = environment["STATE_DIRECTORY"]?.split(separator: ":").first {
            return String(fromSystemd)
        }
        return "/var/lib/kiosk"
    }

    /// Opens (and migrates) the kiosk's database.
    func openDatabase() throws -> AppDatabase {
        try AppDatabase.open(directory: resolvedStateDirectory())
    }
}
