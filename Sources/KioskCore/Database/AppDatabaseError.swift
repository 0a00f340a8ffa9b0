/// Why the database could not be opened or used.
package struct AppDatabaseError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case newerSchema(unknown: [String])
        case cannotOpen(path: String, underlying: String)
    }

    private let kind: Kind

    /// The file was written by a newer kiosk: it holds migrations this build does not know.
    package static func newerSchema(unknown: [String]) -> AppDatabaseError {
        AppDatabaseError(kind: .newerSchema(unknown: unknown))
    }

    /// SQLite could not open the file (permissions, corruption, not a database).
    package static func cannotOpen(path: String, underlying: any Error) -> AppDatabaseError {
        AppDatabaseError(kind: .cannotOpen(path: path, underlying: String(describing: underlying)))
    }

    /// `true` when the file comes from a newer version of the kiosk.
    package var isNewerSchema: Bool {
        if case .newerSchema = kind { return true }
        return false
    }

    package var description: String {
        switch kind {
        case .newerSchema(let unknown):
            "the database was written by a newer version of the kiosk (unknown migrations: "
                + unknown.joined(separator: ", ")
                + "); it was left untouched: install that version or restore a backup"
        case .cannotOpen(let path, let underlying):
            "cannot open the database at \(path): \(underlying)"
        }
    }
}
