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

/// The result of running a program to completion.
struct ProgramResult: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs `executable` with `arguments` and waits for it (without blocking the cooperative pool).
func runProgram(_ executable: URL, _ arguments: [String]) async throws -> ProgramResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    let outputData = DataCollector(output.fileHandleForReading)
    let errorData = DataCollector(error.fileHandleForReading)
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
            try process.run()
        } catch {
            continuation.resume(throwing: error)
        }
    }
    return ProgramResult(
        status: status, standardOutput: outputData.finish(), standardError: errorData.finish())
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
final class DataCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }
    }

    /// Waits for end of file and returns everything read, as UTF-8.
    func finish() -> String {
        done.wait()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }

    /// What has arrived so far.
    var current: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
