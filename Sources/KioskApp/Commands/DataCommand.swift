import ArgumentParser

/// `kiosk data`: import applications and holiday calendars into the local replica.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Import applications and holiday calendars into the local replica.",
        subcommands: [DataImportCommand.self, DataSeedDemoCommand.self]
    )
}

/// `kiosk data import`: the importers.
struct DataImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a file into the local replica (all or nothing).",
        subcommands: [ImportCaseFilesCommand.self, ImportHolidaysCommand.self]
    )
}
