import ArgumentParser

/// Thrown by subcommands whose capability has not landed yet: a clear message and exit code 3.
struct NotAvailableYet: Error, CustomStringConvertible {
    let command: String
    var description: String { "'kiosk \(command)' is not available in this build yet" }
}

extension NotAvailableYet {
    static let exitCode = ExitCode(3)
}
