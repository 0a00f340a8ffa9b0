import Foundation

/// A dedicated thread that runs blocking C calls (libcups, sockets) off Swift's cooperative pool.
///
/// Work items run one at a time, in order, always on the same thread, which matters for libcups:
/// `cupsSetServer` and `cupsLastError` are per-thread state. The thread starts on first use and ends
/// after ``shutdown()``.
final class BlockingWorker: @unchecked Sendable {
    private let name: String
    private let condition = NSCondition()
    private var queue: [() -> Void] = []
    private var started = false
    private var stopping = false

    /// Creates a worker; `name` names the thread (seen in debuggers and `top -H`).
    init(name: String) {
        self.name = name
    }

    /// Runs `body` on the worker thread and returns its result.
    func run<Success: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () -> Result<Success, Failure>
    ) async
        -> Result<Success, Failure>
    {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<Success, Failure>, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Lets the thread finish the queued items and exit.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func submit(_ item: @escaping () -> Void) {
        condition.lock()
        queue.append(item)
        if !started {
            started = true
            let thread = Thread { [self] in loop() }
            thread.name = name
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty && stopping {
                started = false
                stopping = false
                condition.unlock()
                return
            }
            let item = queue.removeFirst()
            condition.unlock()
            item()
        }
    }
}
