import ArgumentParser

/// `kiosk-gateway staff add NAME --role R --password-stdin`.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage console users.", subcommands: [])
}
