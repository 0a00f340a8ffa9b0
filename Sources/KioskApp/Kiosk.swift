import ArgumentParser

/// `kiosk`: the self-service terminal for government services (政务服务自助终端).
@main
struct Kiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Self-service kiosk for government services (政务服务自助终端).",
        subcommands: [
            RunCommand.self, DemoCommand.self, DoctorCommand.self,
            ReaderCommand.self, PrinterCommand.self, DataCommand.self, MailCommand.self,
            EvaluationsCommand.self, AuditCommand.self, MaintenanceCommand.self, GatewayCommand.self, SyncCommand.self,
            VersionCommand.self,
        ]
    )
}
