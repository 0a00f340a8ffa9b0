import ArgumentParser

/// `kiosk-gateway cases import FILE.json`.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "Import 办件 (the kiosk's applications format).", subcommands: [])
}
