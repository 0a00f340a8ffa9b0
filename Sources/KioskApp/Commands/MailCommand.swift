import ArgumentParser

/// `kiosk mail`: list, export and mark the free mail-delivery requests (staff).
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "List, export and mark the free mail-delivery requests (staff).",
        subcommands: [
            MailListCommand.self, MailExportCommand.self, MailMarkSentCommand.self, MailSubmitDemoCommand.self,
        ]
    )
}
