import ArgumentParser
import Foundation
import KioskCore

/// `kiosk evaluations export [--format csv|json] [--output FILE]`: ratings with the satisfaction
/// code of the chosen province adapter. Callback phones are personal data: a file is created 0600.
struct EvaluationsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export ratings (CSV or JSON) with satisfaction codes per province adapter."
    )

    @OptionGroup var state: StateOptions

    @Option(
        name: .long,
        help: "Code numbering: gbt39046 (1 = 非常满意) or zhejiang (1 = 非常不满意); default: evaluation.province_adapter.")
    var adapter: String?

    @OptionGroup var export: ExportOptions

    func run() async throws {
        let name = try adapter ?? Self.configuredAdapter(configPath: state.config)
        guard let codes = EvaluationCodeAdapter.named(name) else {
            throw ValidationError("unknown --adapter \(name); use gbt39046 or zhejiang")
        }
        let database = try state.openDatabase()
        let rows = try await database.evaluations().map { EvaluationExportRow($0, codes: codes) }
        try export.write(rows, noun: "ratings")
    }
}

extension EvaluationsExportCommand {
    /// The adapter named by the configuration's `evaluation.province_adapter`.
    static func configuredAdapter(configPath: String?) throws -> String {
        switch try KioskConfiguration.resolve(explicitPath: configPath).0.evaluation.provinceAdapter {
        case .national: EvaluationCodeAdapter.national.name
        case .zhejiang: EvaluationCodeAdapter.zhejiang.name
        }
    }
}
