/// A successful no-card query: a session for the one 办件 found and its detail.
package struct QueryResult: Sendable, Equatable {
    /// The session the app opened for this query (no identity behind it beyond the 办件).
    package var session: SessionToken
    /// The 办件 found.
    package var detail: CaseFileDetail

    /// Creates a query result.
    package init(session: SessionToken, detail: CaseFileDetail) {
        self.session = session
        self.detail = detail
    }
}
