import ArgumentParser
import Foundation

/// `kiosk-gateway cases import FILE.json --region CODE` and `cases withdraw NUMBER`.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "Import 办件 (the kiosk's applications format) and withdraw them.",
        subcommands: [Import.self, Withdraw.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import 办件 and service items; nothing is stored if one record is invalid.")

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The applications JSON file (the format of `kiosk data import applications`).")
        var file: String
        @Option(name: .long, help: "The six-digit region code the 办件 belong to (kiosks of its city receive them).")
        var region: String

        func run() async throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let configuration = try options.load()
            let count = try await options.withDatabase(configuration) { database in
                try await CaseImport.run(data: data, region: region, actor: "cli", database: database)
            }
            print("imported \(count) applications from \(file)")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Delete one 办件; kiosks receive its tombstone.")

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The 办件编号.") var number: String

        func run() async throws {
            let configuration = try options.load()
            try await options.withDatabase(configuration) { database in
                try await CaseImport.withdraw(number: number, actor: "cli", database: database)
            }
            print("withdrew \(number)")
        }
    }
}
