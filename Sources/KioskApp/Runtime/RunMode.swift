import Foundation

/// How the kiosk runs: for citizens (real devices, locked down) or as a demo (simulated devices,
/// seeded data, previewed receipts, a quit key).
enum RunMode: Sendable, Equatable {
    case production
    /// The demo ends on Ctrl-Q (see ``UIService``); production has no quit key at all.
    case demo
}

/// Where the demo keeps its database, log and receipt previews: `$XDG_STATE_HOME/kiosk-demo`, else
/// `~/.local/state/kiosk-demo`, else a fresh temporary directory.
enum DemoDirectory {
    static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("kiosk-demo")
        }
        if let home = environment["HOME"], home.hasPrefix("/"), FileManager.default.isWritableFile(atPath: home) {
            return (home as NSString).appendingPathComponent(".local/state/kiosk-demo")
        }
        return (NSTemporaryDirectory() as NSString).appendingPathComponent("kiosk-demo-\(getpid())")
    }
}
