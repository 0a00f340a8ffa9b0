import ArgumentParser
import Foundation
import KioskDevices

/// Exit codes of `kiosk reader …` (also in docs/reader.md).
enum ReaderExitCode {
    /// A card was read / the SAM answered its status.
    static let success = ExitCode(0)
    /// No card was placed before `--timeout`.
    static let noCard = ExitCode(10)
    /// The port cannot be opened or used, or the SAM does not answer / reports a failed self-test.
    static let deviceError = ExitCode(11)
    /// The SAM answered with a bad frame or an error status (e.g. read failed 0x41).
    static let protocolError = ExitCode(12)

    /// The exit-code table shown in `--help`.
    static let helpText = """
        Exit codes:
          0   card read (status: the SAM answered OK)
          10  no card before the timeout
          11  device error (no port, unplugged, no answer until the timeout, SAM self-test)
          12  protocol error (bad checksum or frame, SAM error e.g. 0x41, until the timeout)
          64  usage error
        """

    /// Prints `error` to standard error and returns the exit code for its category.
    static func report(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("kiosk reader: \(error)\n".utf8))
        guard let error = error as? ReaderError else { return deviceError }
        switch error.category {
        case .device, .timeout: return deviceError
        case .protocol: return protocolError
        }
    }
}

/// Options shared by the reader subcommands.
struct ReaderPortOptions: ParsableArguments {
    @Option(help: "Serial device of the reader, e.g. /dev/idcard or /dev/ttyUSB0.")
    var port: String

    @Option(help: "Line speed: 115200, 57600, 38400, 19200 or 9600.")
    var baud: Int = 115_200

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard BaudRate(rawValue: baud) != nil else {
            throw ValidationError("unsupported --baud \(baud); use 115200, 57600, 38400, 19200 or 9600")
        }
    }

    /// Opens the port; a failure is reported and thrown as the reader's exit code.
    func open() async throws -> SerialLink {
        do {
            return try await SerialLink.open(path: port, baudRate: BaudRate(rawValue: baud) ?? .b115200)
        } catch {
            throw ReaderExitCode.report(error)
        }
    }
}
