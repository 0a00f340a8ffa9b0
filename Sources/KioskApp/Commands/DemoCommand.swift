import ArgumentParser
import Foundation

/// `kiosk demo`: the kiosk with simulated devices and invented data, for trying it out.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the kiosk with simulated devices, demo data and previewed receipts.",
        discussion: """
            Uses a simulated ID-card reader with invented sample cards (buttons on the home screen place \
            and remove them), a database seeded with invented applications, and a preview printer that \
            writes receipts to <state directory>/receipts instead of printing. Press Ctrl-Q to quit; the \
            terminal is restored. Logs and any crash report go to <state directory>/kiosk.log, never to \
            the screen.
            """
    )

    @Option(
        name: .long, help: "Directory for the demo database, log and receipts (default: $XDG_STATE_HOME/kiosk-demo).")
    var stateDirectory: String?

    @Option(name: .long, help: "Configuration file to start from; the reader and printer are still simulated.")
    var config: String?

    @Flag(name: .long, help: "Start from a fresh demo database.")
    var reset = false

    func run() async throws {
        var configuration: KioskConfiguration
        do {
            configuration = config == nil ? KioskConfiguration() : try KioskConfiguration.load(path: config!)
        } catch {
            FileHandle.standardError.write(Data("kiosk: \(error)\n".utf8))
            throw ExitCode(78)
        }
        if config == nil { configuration.site.name = "示例市政务服务中心（演示）" }
        configuration.reader.driver = .simulator
        configuration.printer.driver = .preview
        let directory = stateDirectory ?? DemoDirectory.resolve()
        if reset {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(
                    atPath: (directory as NSString).appendingPathComponent("kiosk.sqlite" + suffix))
            }
        }
        try await KioskLauncher.launch(configuration: configuration, mode: .demo, stateDirectory: directory)
    }
}
