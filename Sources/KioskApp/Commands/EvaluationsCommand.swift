import ArgumentParser
import Foundation
import KioskCore

/// `kiosk evaluations`: export the citizens' service ratings (好差评).
struct EvaluationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluations",
        abstract: "Export the citizens' service ratings (好差评).",
        subcommands: [EvaluationsExportCommand.self]
    )
}
