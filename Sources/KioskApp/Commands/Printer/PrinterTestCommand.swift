import ArgumentParser
import Foundation
import KioskCore
import KioskDevices

/// `kiosk printer test --queue Q` prints a test receipt (Chinese text and a QR code) and waits until
/// CUPS reports it completed; `--output FILE` writes its ESC/POS bytes instead.
struct PrinterTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Print a test receipt with Chinese text and a QR code, or write its bytes to a file."
    )

    @OptionGroup var options: PrinterOptions

    @Option(help: "Write the ESC/POS bytes to this file instead of printing.")
    var output: String?

    @Option(help: "Seconds to wait for the job to complete.")
    var timeout: Int = 60

    func validate() throws {
        if options.queue == nil && output == nil {
            throw ValidationError("give --queue to print or --output to write the bytes")
        }
    }

    func run() async throws {
        let profile = try options.printerProfile()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let receipt = ReceiptTemplates.printerTest(profileName: profile.name, printedAt: formatter.string(from: Date()))
        let encoded = try ESCPOSEncoder(profile: profile).encode(receipt)
        for warning in encoded.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        if let output {
            try Data(encoded.bytes).write(to: URL(fileURLWithPath: output))
            print("wrote \(encoded.bytes.count) bytes to \(output)")
            return
        }
        guard let queue = options.queue else { return }
        let printer = CUPSPrinter(
            queue: queue,
            server: options.server,
            profile: profile,
            deadline: .seconds(max(timeout, 1))
        )
        do {
            let jobID = try await printer.printRaw(encoded.bytes, title: receipt.title, session: PrintSessionID("cli"))
            print("job \(jobID) completed on \(queue) (\(encoded.bytes.count) bytes)")
        } catch {
            FileHandle.standardError.write(Data("kiosk printer test: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
