/// An opaque handle for one citizen session, minted by the app when a card is read or a no-card query
/// succeeds. The app maps it to the identity it holds; KioskUI never sees the full identity.
package struct SessionToken: Hashable, Sendable, CustomStringConvertible {
    /// The app's identifier for the session; carries no personal data.
    package let rawValue: UInt64

    /// Wraps the app's session identifier.
    package init(_ rawValue: UInt64) { self.rawValue = rawValue }

    package var description: String { "session#\(rawValue)" }
}
