import Foundation

/// The repository checkout the tests run from (this file is Tests/KioskTestSupport/BuiltProducts.swift).
package let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Finds the built executables (`kiosk`, `kiosk-devsim`, `kiosk-bench`) for integration tests.
///
/// The test runner on Linux is `.build/<triple>/debug/kioskPackageTests.xctest`, so the products lie
/// next to it (`/proc/self/exe`); as a fallback the package's `.build/debug`. `swift build --build-tests`
/// builds every executable. `KIOSK_BINARY` overrides where `kiosk` is found.
package enum BuiltProducts {
    /// The product `name`, or nil when it has not been built.
    package static func url(_ name: String) -> URL? {
        if name == "kiosk", let explicit = ProcessInfo.processInfo.environment["KIOSK_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        let runner = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
        ).resolvingSymlinksInPath()
        let candidates = [
            runner.deletingLastPathComponent().appendingPathComponent(name),
            repositoryRoot.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The product `name`, where it would be built (a test then fails on running it, saying which).
    package static func path(_ name: String) -> URL {
        url(name) ?? repositoryRoot.appendingPathComponent(".build/debug/\(name)")
    }
}
