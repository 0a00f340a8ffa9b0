import ArgumentParser
import Foundation
import KioskCore

/// `kiosk mail export`: the full recipient data for the postal service, the only place it leaves
/// the kiosk. A file is created with mode 0600 and never overwritten without `--force`.
struct MailExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export mail requests with full recipient data (CSV or JSON, file mode 0600)."
    )

    @OptionGroup var state: StateOptions

    @Option(name: .long, help: SinceArgument.help("requests confirmed"))
    var since: SinceArgument?

    @OptionGroup var export: ExportOptions

    func run() async throws {
        let database = try state.openDatabase()
        let requests = try await database.mailRequests(since: since?.date ?? .distantPast)
        try export.write(requests.map(MailExportRow.init), noun: "mail requests")
        try await database.markMailExported(ids: requests.compactMap(\.id), at: Date())
    }
}
