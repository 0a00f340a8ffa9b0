import Foundation

/// Finds the built executables (`kiosk`, `kiosk-devsim`) for integration tests.
///
/// The test runner on Linux is `.build/<triple>/debug/kioskPackageTests.xctest`, so the products lie
/// next to `CommandLine.arguments[0]`; as a fallback the package's `.build/debug` is found from this
/// file's path. `swift build --build-tests` builds both executables.
enum BuiltProducts {
    static func url(_ name: String) -> URL? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            runner.deletingLastPathComponent().appendingPathComponent(name),
            packageRoot.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
