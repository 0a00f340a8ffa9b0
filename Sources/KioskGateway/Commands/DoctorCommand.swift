import ArgumentParser

/// `kiosk-gateway doctor`: checks the database, the CA and the listeners.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the database, the migrations, the CA and the listeners.")

    @OptionGroup var options: GatewayOptions
}
