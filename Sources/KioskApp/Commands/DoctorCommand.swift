import ArgumentParser

/// `kiosk doctor`: Check the configuration, database, devices, disk, clock and calendars.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, database, devices, disk, clock and calendars."
    )

    func run() async throws {
        throw NotAvailableYet(command: "doctor")
    }
}
