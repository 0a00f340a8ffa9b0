import ArgumentParser

/// `kiosk-gateway migrate`: applies the numbered SQL migrations not yet applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the database migrations not yet applied (each in one transaction).")

    @OptionGroup var options: GatewayOptions

    func run() async throws {
        let configuration = try options.load()
        let files = try Migrations.files(in: try GatewayResources.locate().migrations)
        let applied = try await options.withDatabase(configuration) { try await Migrations.apply(files, database: $0) }
        print(
            applied.isEmpty
                ? "schema is up to date (\(files.count) migrations)" : "applied: " + applied.joined(separator: ", "))
    }
}
