import ArgumentParser
import Foundation
import Glibc
import KioskDevices

/// `kiosk-devsim sam`: a GA/T 467 SAM emulator on a pseudo-terminal.
struct SAMCommandLine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sam",
        abstract: "Serve the ID-card reader protocol (GA/T 467 SAM) on a pseudo-terminal.",
        discussion: """
            Prints 'ready <link> -> <pts>' once the device can be opened. Commands on standard input
            (and lines of --script): wait S | place NAME | remove | fault garbage | fault bad-checksum |
            fault no-answer [N] | fault read-fail | fault remove-mid-read | fault status HH | unplug S.
            Cards: elder, resident, expired, rare, hkmo, foreigner, young. Stops on SIGINT/SIGTERM or
            end of standard input when --exit-on-eof is given.
            """
    )

    @Option(help: "Stable path of the device (a symlink to the current /dev/pts/N).")
    var link: String

    @Option(help: "A sample card placed at start.")
    var card: String?

    @Option(help: "A file of steps to run after start.")
    var script: String?

    @Option(help: "Line speed for --line-speed pacing (115200, 57600, 38400, 19200, 9600).")
    var baud: Int = 115_200

    @Flag(help: "Pace answers at the baud rate (10 bits per byte), like a real UART.")
    var lineSpeed = false

    @Flag(help: "Exit when standard input ends.")
    var exitOnEof = false

    func validate() throws {
        guard BaudRate(rawValue: baud) != nil else { throw ValidationError("unsupported baud rate \(baud)") }
        if let card, SampleCards.named(card) == nil { throw ValidationError("unknown card '\(card)'") }
    }

    func run() async throws {
        let scriptSteps = try script.map { try EmulatorScript(parsing: String(contentsOfFile: $0, encoding: .utf8)) }
        let emulator = SAMEmulator(card: card.flatMap(SampleCards.named))
        let host = try SAMPTYHost(
            emulator: emulator, linkPath: link, baudRate: BaudRate(rawValue: baud) ?? .b115200, lineSpeed: lineSpeed)
        host.start()
        // SIGINT/SIGTERM: stop serving, remove the link, exit 0.
        let signalSources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                host.stop()
                Glibc.exit(0)
            }
            source.resume()
            return source
        }
        defer { for source in signalSources { source.cancel() } }
        say("ready \(link)")

        if let scriptSteps {
            do {
                try await scriptSteps.run(on: host)
            } catch {
                FileHandle.standardError.write(Data("kiosk-devsim: \(error)\n".utf8))
            }
        }
        for await line in Self.standardInputLines() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            guard let step = EmulatorScript.step(words) else {
                FileHandle.standardError.write(Data("kiosk-devsim: cannot understand '\(line)'\n".utf8))
                continue
            }
            try await EmulatorScript.perform(step, on: host)
            say("ok \(line)")
        }
        if !exitOnEof {
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        host.stop()
    }

    /// Writes a line to standard output at once (tests wait for these lines).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Lines typed on standard input, read on a dedicated thread (blocking reads stay off the pool).
    static func standardInputLines() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let reader = Thread {
            while let line = readLine() { continuation.yield(line) }
            continuation.finish()
        }
        reader.start()
        return stream
    }
}
