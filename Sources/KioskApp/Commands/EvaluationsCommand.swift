import ArgumentParser

/// `kiosk evaluations`: Export the citizens' service ratings (好差评).
struct EvaluationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluations",
        abstract: "Export the citizens' service ratings (好差评)."
    )

    func run() async throws {
        throw NotAvailableYet(command: "evaluations")
    }
}
