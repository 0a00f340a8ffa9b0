import Synchronization

/// Fans events out to any number of `AsyncStream` subscribers; each gets every event sent after it
/// subscribed, buffered up to `bufferLimit` (the oldest are dropped when a consumer lags).
package final class EventBroadcaster<Element: Sendable>: Sendable {
    private struct State {
        var next = 0
        var continuations: [Int: AsyncStream<Element>.Continuation] = [:]
    }

    private let state = Mutex(State())
    private let bufferLimit: Int

    package init(bufferLimit: Int = 64) {
        self.bufferLimit = bufferLimit
    }

    /// A new subscription; `initial` (if any) is delivered first.
    package func subscribe(initial: Element? = nil) -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: Element.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        let id = state.withLock { state in
            defer { state.next += 1 }
            state.continuations[state.next] = continuation
            return state.next
        }
        if let initial { continuation.yield(initial) }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `element` to every subscriber.
    package func send(_ element: Element) {
        for continuation in state.withLock({ Array($0.continuations.values) }) {
            continuation.yield(element)
        }
    }

    /// Ends every subscription.
    package func finish() {
        for continuation in state.withLock({ Array($0.continuations.values) }) {
            continuation.finish()
        }
    }
}
