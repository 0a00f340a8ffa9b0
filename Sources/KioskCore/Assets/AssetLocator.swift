import Foundation

/// Finds the kiosk's data files (`calendars/`, `demo/`, …) at run time.
///
/// In order: `$KIOSK_ASSETS_DIR`; `<executable dir>/../share/kiosk` (an installed package);
/// otherwise the first directory upwards from the executable's directory that contains
/// `assets/calendars` (a development checkout: `.build/debug/kiosk` → the repository's `assets/`).
package enum AssetLocator {
    /// A located assets root.
    package struct Assets: Sendable, Equatable {
        /// The directory holding `calendars/`, `demo/`, ….
        package var root: URL
        /// The bundled holiday-cn year files.
        package var calendars: URL { root.appendingPathComponent("calendars", isDirectory: true) }
        /// Demo data.
        package var demo: URL { root.appendingPathComponent("demo", isDirectory: true) }

        package init(root: URL) {
            self.root = root
        }
    }

    /// Locates the assets.
    ///
    /// - Parameters:
    ///   - environment: the process environment (for `KIOSK_ASSETS_DIR`).
    ///   - executable: path of the running executable (default: `/proc/self/exe` resolved, or
    ///     `CommandLine.arguments[0]`).
    /// - Throws: ``AssetLocatorError`` listing every place searched.
    package static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = currentExecutable()
    ) throws -> Assets {
        var tried: [String] = []
        let fileManager = FileManager.default
        if let explicit = environment["KIOSK_ASSETS_DIR"], !explicit.isEmpty {
            let root = URL(fileURLWithPath: explicit, isDirectory: true)
            if fileManager.fileExists(atPath: root.appendingPathComponent("calendars").path) {
                return Assets(root: root)
            }
            throw AssetLocatorError(tried: [root.path + " (KIOSK_ASSETS_DIR)"])
        }
        let executableDirectory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = executableDirectory.deletingLastPathComponent()
            .appendingPathComponent("share/kiosk", isDirectory: true).standardizedFileURL
        tried.append(installed.path)
        if fileManager.fileExists(atPath: installed.appendingPathComponent("calendars").path) {
            return Assets(root: installed)
        }
        var directory = executableDirectory.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("assets", isDirectory: true)
            tried.append(candidate.path)
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("calendars").path) {
                return Assets(root: candidate)
            }
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path { break }
            directory = parent
        }
        throw AssetLocatorError(tried: tried)
    }

    /// The running executable: `/proc/self/exe` on Linux, else `CommandLine.arguments[0]`.
    package static func currentExecutable() -> URL {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: resolved)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}

/// The assets directory was not found.
package struct AssetLocatorError: Error, CustomStringConvertible, Sendable {
    package let tried: [String]
    package var description: String {
        "cannot find the kiosk's assets (a directory containing calendars/); set KIOSK_ASSETS_DIR. Tried: "
            + tried.joined(separator: ", ")
    }
}
