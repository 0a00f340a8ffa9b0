import Glibc
import Synchronization

/// The open sessions, so a process that calls `exit(3)` (where no `deinit` runs) still leaves the terminal usable:
/// an `atexit` hook restores every session that is still open.
enum SessionRegistry {
    /// A weak reference, so the registry never keeps a session alive.
    private final class WeakSession: Sendable {
        weak let session: TerminalSession?
        init(_ session: TerminalSession) { self.session = session }
    }

    private static let sessions = Mutex<(hookInstalled: Bool, open: [ObjectIdentifier: WeakSession])>((false, [:]))

    /// Registers `session` and installs the exit hook once.
    static func add(_ session: TerminalSession) {
        sessions.withLock { state in
            state.open[ObjectIdentifier(session)] = WeakSession(session)
            if !state.hookInstalled {
                state.hookInstalled = true
                atexit { SessionRegistry.restoreAll() }
            }
        }
    }

    /// Forgets `session` (it restored itself).
    static func remove(_ session: TerminalSession) {
        _ = sessions.withLock { $0.open.removeValue(forKey: ObjectIdentifier(session)) }
    }

    /// Restores every open session (the `atexit` hook; callable by the app as a last resort too).
    static func restoreAll() {
        let open = sessions.withLock { state in
            defer { state.open.removeAll() }
            return state.open.values.compactMap(\.session)
        }
        for session in open { session.restore() }
    }
}
