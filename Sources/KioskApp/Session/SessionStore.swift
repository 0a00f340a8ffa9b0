import KioskCore
import KioskDevices
import KioskUI

/// The only owner of what the kiosk holds about citizens: one ``SessionContext`` per open session,
/// keyed by an opaque token. Ending a session wipes its context; nothing of it survives in the store.
struct SessionStore {
    private var sessions: [SessionToken: SessionContext] = [:]
    private var nextToken = UInt64.random(in: 1...UInt64(UInt32.max))

    /// The number of open sessions (0 after every session ended: nothing of a citizen is kept).
    var count: Int { sessions.count }

    /// Opens a session for a card just read.
    mutating func open(identity: Identity) -> SessionToken {
        insert { SessionContext(identity: identity, cases: [:], printSession: $0) }
    }

    /// Opens a no-card session that may see `caseFile` only.
    mutating func open(unlocking caseFile: CaseFile) -> SessionToken {
        insert { SessionContext(identity: nil, cases: [caseFile.number: caseFile], printSession: $0) }
    }

    /// The context of an open session.
    subscript(token: SessionToken) -> SessionContext? {
        get { sessions[token] }
        set { sessions[token] = newValue }
    }

    /// Ends a session: its context is wiped and dropped. Returns its print-job owner, `nil` when the
    /// session was not open.
    mutating func end(_ token: SessionToken) -> PrintSessionID? {
        guard var context = sessions.removeValue(forKey: token) else { return nil }
        context.wipe()
        return context.printSession
    }

    /// Ends every open session (shutdown); returns their print-job owners.
    mutating func endAll() -> [PrintSessionID] {
        sessions.keys.compactMap { end($0) }
    }

    private mutating func insert(_ make: (PrintSessionID) -> SessionContext) -> SessionToken {
        nextToken &+= 1
        let token = SessionToken(nextToken)
        sessions[token] = make(PrintSessionID("\(token)"))
        return token
    }
}
