import ArgumentParser

/// `kiosk reader`: Read identity cards and query the ID-card reader (GA/T 467 SAM).
struct ReaderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Read identity cards and query the ID-card reader (GA/T 467 SAM).",
        discussion: ReaderExitCode.helpText,
        subcommands: [ReadCardCommand.self, ReaderStatusCommand.self]
    )
}
