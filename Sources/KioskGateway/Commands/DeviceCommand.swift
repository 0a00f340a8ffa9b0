import ArgumentParser
import Foundation

/// `kiosk-gateway device add|revoke|list`: the device registry.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Register, revoke and list kiosks.",
        subcommands: [Add.self, Revoke.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a kiosk and print its one-time enrollment code (valid 24 h).")

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The device id (letters, digits, . _ -; at most 64).") var id: String
        @Option(name: .long, help: "The site (created when new).") var site: String
        @Option(name: .long, help: "The six-digit region code of the site.") var region: String
        @Option(name: .long, help: "A group the device joins besides `default` (repeatable).") var group: [String] = []

        func run() async throws {
            let configuration = try options.load()
            let code = try await options.withDatabase(configuration) { database in
                try await DeviceRegistry(database: database).add(
                    id: id, site: site, region: region, groups: group, actor: "cli")
            }
            print(code)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke a kiosk: its calls are refused within 5 s on every replica.")

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The device id.") var id: String

        func run() async throws {
            let configuration = try options.load()
            let revoked = try await options.withDatabase(configuration) { database in
                try await DeviceRegistry(database: database).revoke(id: id, actor: "cli")
            }
            guard revoked else { throw ValidationError("no device \(id), or already revoked") }
            print("revoked \(id)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered kiosks.")

        @OptionGroup var options: GatewayOptions

        func run() async throws {
            let configuration = try options.load()
            let devices = try await options.withDatabase(configuration) { database in
                try await DeviceRegistry(database: database).list()
            }
            for device in devices { print(device) }
        }
    }
}
