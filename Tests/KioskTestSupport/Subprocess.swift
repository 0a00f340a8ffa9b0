import Foundation

/// The result of running a program to completion.
package struct ProgramResult: Sendable {
    package var status: Int32
    package var standardOutput: String
    package var standardError: String

    /// Creates a result (tests that run a program their own way report through the same type).
    package init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs `executable` with `arguments` and waits for it without blocking Swift's cooperative pool:
/// the pipes are drained on their own threads and the exit arrives through `terminationHandler`.
/// The suite runs its tests in parallel on two cores; a test that blocked a pool thread for seconds
/// would starve every other test.
///
/// - Parameters:
///   - environment: the child's whole environment (`nil`: inherit).
///   - input: bytes for the child's standard input, which is then closed (`nil`: `/dev/null`).
package func runProgram(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil,
    currentDirectory: URL? = nil
) async throws -> ProgramResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let inputPipe = input.map { _ in Pipe() }
    process.standardInput = inputPipe ?? FileHandle.nullDevice
    let outputData = DataCollector(output.fileHandleForReading)
    let errorData = DataCollector(error.fileHandleForReading)
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
            try process.run()
        } catch {
            continuation.resume(throwing: error)
            return
        }
        if let inputPipe, let input {
            Thread.detachNewThread {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
        }
    }
    return ProgramResult(
        status: status, standardOutput: await outputData.finished(), standardError: await errorData.finished())
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
package final class DataCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var isDone = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            let waiting = lock.withLock {
                isDone = true
                defer { waiters = [] }
                return waiters
            }
            for waiter in waiting { waiter.resume() }
        }
    }

    /// Waits (without blocking a thread) for end of file and returns everything read, as UTF-8.
    package func finished() async -> String {
        await withCheckedContinuation { continuation in
            let done = lock.withLock {
                if !isDone { waiters.append(continuation) }
                return isDone
            }
            if done { continuation.resume() }
        }
        return current
    }

    /// What has arrived so far.
    package var current: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
