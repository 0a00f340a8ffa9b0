import ArgumentParser

/// `kiosk printer`: Check the receipt printer and print test receipts.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Check the receipt printer and print test receipts.",
        subcommands: [PrinterStatusCommand.self, PrinterTestCommand.self]
    )
}
