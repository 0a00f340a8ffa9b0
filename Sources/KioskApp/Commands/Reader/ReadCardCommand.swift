import ArgumentParser
import Foundation
import KioskCore
import KioskDevices

/// `kiosk reader read`: waits for one card, reads it and prints the identity (masked by default).
struct ReadCardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Wait for one card, read it and print the identity (masked unless --show-full).",
        discussion: """
            Waits through transient faults (bad checksums, error statuses such as read failed 0x41, \
            unanswered requests) until --timeout, as the kiosk's reader service does, and reports how \
            many it saw (`faults:` in the output). The exit code 11 or 12 then means the fault was \
            still going on when the timeout ran out.

            """ + ReaderExitCode.helpText
    )

    @OptionGroup var options: ReaderPortOptions

    @Option(help: "Seconds to wait for a card.")
    var timeout: Double = 30

    @Flag(help: "Print the full name, number, birth date and address (staff diagnostics only).")
    var showFull = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let link = try await options.open()
        let client = SAMClient(transport: link)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(timeout * 1000))
        var faults = ReaderFaults()
        do {
            while clock.now < deadline {
                let start = clock.now
                do {
                    // Find answers 0x9F for a fresh card only; a card already read (by an earlier run)
                    // answers 0x80 but can still be selected, so select decides.
                    _ = try await client.findCard()
                    if try await client.selectCard() {
                        let identity = try await client.readCard()
                        let elapsed = start.duration(to: clock.now)
                        await link.close()
                        let milliseconds =
                            Double(elapsed.components.attoseconds) / 1e15
                            + Double(elapsed.components.seconds) * 1000
                        print(
                            IdentityPrinter(
                                identity: identity, showFull: showFull, readMilliseconds: milliseconds,
                                faults: faults
                            ).render(json: options.json))
                        identity.wipe()
                        return
                    }
                    faults.recordAnswer()
                } catch let error as ReaderError where error.category != .device {
                    // A bad frame, an error status or a silent request: wait on, as the service does.
                    faults.record(error)
                }
                let pause = min(Duration.milliseconds(300), clock.now.duration(to: deadline))
                if pause > .zero { try await clock.sleep(for: pause) }
            }
        } catch {
            await link.close()
            throw ReaderExitCode.report(error)
        }
        await link.close()
        let reason = faults.failing ? "the reader still fails" : "no card"
        FileHandle.standardError.write(Data("kiosk reader: \(reason) within \(timeout) s; \(faults.summary)\n".utf8))
        throw faults.timeoutExitCode
    }
}
