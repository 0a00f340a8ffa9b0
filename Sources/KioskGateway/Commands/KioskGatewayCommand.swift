import ArgumentParser

/// `kiosk-gateway`: the back office of a fleet of kiosks (docs/gateway.md).
@main
struct KioskGatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-gateway",
        abstract: "The back office of a fleet of government-service kiosks: device API, staff console, PostgreSQL.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, CACommand.self, DeviceCommand.self, StaffCommand.self,
            CasesCommand.self, FeedCommand.self, DoctorCommand.self, BenchCommand.self,
        ]
    )
}
