import ArgumentParser
import Foundation

/// `kiosk-gateway staff add NAME --role R --password-stdin`: console users.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage console users.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a console user; the password is read from standard input (one line).",
            discussion: """
                Roles: admin (everything), postal (mail queue, hand-over, CSV export), viewer (fleet \
                overview, mail queue masked). Five wrong passwords in a row lock the account for 15 minutes.
                """)

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The user name (letters, digits, . _ -; at most 64).") var name: String
        @Option(name: .long, help: "admin, postal or viewer.") var role: String
        @Flag(name: .long, help: "Read the password from standard input (required: never on the command line).")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("--password-stdin is required") }
            guard StaffRole(rawValue: role) != nil else {
                throw ValidationError("unknown --role \(role); use admin, postal or viewer")
            }
        }

        func run() async throws {
            let configuration = try options.load()
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no password on standard input")
            }
            let role = StaffRole(rawValue: role) ?? .viewer
            do {
                try await options.withDatabase(configuration) { database in
                    try await StaffDirectory(database: database).add(
                        name: name, role: role, password: line, actor: "cli")
                }
            } catch let error as StaffError {
                throw ValidationError(error.description)
            }
            print("added \(name) (\(role.rawValue))")
        }
    }
}
