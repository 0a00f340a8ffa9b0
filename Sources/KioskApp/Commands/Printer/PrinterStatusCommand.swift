import ArgumentParser
import Foundation
import KioskDevices

/// `kiosk printer status --queue Q [--json]`: the queue's state, reasons and paper, as the kiosk
/// sees them.
struct PrinterStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the receipt printer's state, reasons and paper.",
        discussion: "Exit status: 0 ready to print, 1 not ready (offline, paper out…), 2 no such queue."
    )

    @OptionGroup var options: PrinterOptions

    @Flag(help: "Print the status as one JSON object.")
    var json = false

    func run() async throws {
        guard let queue = options.queue else { throw ValidationError("--queue is required") }
        let printer = CUPSPrinter(queue: queue, server: options.server, profile: try options.printerProfile())
        let status = await printer.status()
        if json {
            let report = StatusReport(queue: queue, server: printer.server, status: status)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print("queue:     \(queue) on \(printer.server)")
            print("device:    \(status.device.rawValue)")
            print("paper:     \(status.paper.rawValue)")
            print("reasons:   \(status.reasons.isEmpty ? "none" : status.reasons.joined(separator: ", "))")
            print("accepting: \(status.acceptingJobs ? "yes" : "no")")
            if let message = status.message { print("message:   \(message)") }
            print("can print: \(status.canPrint ? "yes" : "no")")
        }
        if status.device == .noDevice { throw ExitCode(2) }
        if !status.canPrint { throw ExitCode(1) }
    }

    /// The JSON shape of `--json`.
    private struct StatusReport: Encodable {
        var queue: String
        var server: String
        var device: String
        var paper: String
        var reasons: [String]
        var message: String?
        var acceptingJobs: Bool
        var canPrint: Bool

        init(queue: String, server: String, status: PrinterStatus) {
            self.queue = queue
            self.server = server
            device = status.device.rawValue
            paper = status.paper.rawValue
            reasons = status.reasons
            message = status.message
            acceptingJobs = status.acceptingJobs
            canPrint = status.canPrint
        }
    }
}
