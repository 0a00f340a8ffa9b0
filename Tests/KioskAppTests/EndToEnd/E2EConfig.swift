import Foundation

extension E2E {
    /// The configuration the end-to-end runs start from: the simulated reader and no printer.
    static let simulatorConfig = "[reader]\ndriver = \"simulator\"\n[printer]\ndriver = \"none\"\n"

    /// Writes `toml` as `kiosk.toml` into the directory `state` and returns the file's URL.
    static func writeConfig(_ toml: String = simulatorConfig, in state: String) throws -> URL {
        let config = URL(fileURLWithPath: state).appending(path: "kiosk.toml")
        try toml.write(to: config, atomically: true, encoding: .utf8)
        return config
    }
}
