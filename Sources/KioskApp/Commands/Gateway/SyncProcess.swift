import Foundation

/// Starts `kiosk-sync`, the kiosk's network process, in place of this one (`execv`): the kiosk's own
/// binary links no TLS, HTTP or network JSON code, so the citizen-facing process never parses a byte
/// from the network. `kiosk sync` and `kiosk gateway …` read `kiosk.toml` and hand over options.
enum SyncProcess {
    /// `kiosk-sync` next to this binary (as installed and as built), or `$KIOSK_SYNC_BINARY`.
    static func binary(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["KIOSK_SYNC_BINARY"], !explicit.isEmpty { return explicit }
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("kiosk-sync").path
    }

    /// Replaces this process with `kiosk-sync arguments…`; returns only when that failed.
    static func exec(_ arguments: [String]) -> Never {
        let path = binary()
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("kiosk: cannot start \(path): \(reason)\n".utf8))
        exit(127)
    }
}
