import ArgumentParser
import Foundation
import KioskCore

#if canImport(Glibc)
    import Glibc
#endif

/// `kiosk maintenance`: tools for the maintenance (staff) mode.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Tools for the maintenance (staff) mode.",
        subcommands: [HashPin.self]
    )

    /// `kiosk maintenance hash-pin`: hashes an admin PIN for `[maintenance] pin_hash`.
    struct HashPin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash-pin",
            abstract: "Read an admin PIN (6–16 digits) and print the pin_hash line for kiosk.toml.",
            discussion: """
                On a terminal the PIN is asked for twice without echo; otherwise the first line of \
                standard input is the PIN (e.g. `printf '%s\\n' "$PIN" | kiosk maintenance hash-pin --pin-stdin`). \
                The PIN itself is never printed or stored.
                """
        )

        @Flag(help: "Read the PIN from standard input even when it is a terminal (no prompt).")
        var pinStdin = false

        @Option(help: "PBKDF2 iterations (default \(PinHash.defaultIterations)).")
        var iterations: Int = PinHash.defaultIterations

        /// The PIN rule: ASCII digits only (entered on the keypad), 6 to 16 of them.
        static let pinLengths = 6...16

        func validate() throws {
            guard (PinHash.minimumIterations...PinHash.maximumIterations).contains(iterations) else {
                throw ValidationError(
                    "--iterations must be between \(PinHash.minimumIterations) and \(PinHash.maximumIterations)")
            }
        }

        func run() async throws {
            let pin: String
            if !pinStdin && isatty(STDIN_FILENO) == 1 {
                pin = try Self.promptTwice()
            } else {
                pin = try Self.firstLine(of: FileHandle.standardInput)
            }
            print(try Self.configLine(pin: pin, iterations: iterations))
        }

        /// The configuration line for `pin`, after checking the PIN rule.
        static func configLine(pin: String, iterations: Int) throws -> String {
            guard pinLengths.contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ValidationError("the PIN must be \(pinLengths.lowerBound) to \(pinLengths.upperBound) digits")
            }
            return "pin_hash = \"\(PinHash(hashing: pin, iterations: iterations))\""
        }

        /// The first line of `handle` without its line end.
        static func firstLine(of handle: FileHandle) throws -> String {
            let data = try handle.readToEnd() ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            // "\r\n" is one Character, and a newline like "\n".
            return String(
                text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? "")
        }

        /// Asks on the terminal, without echo, twice.
        private static func promptTwice() throws -> String {
            guard let first = getpass("Admin PIN: ").map({ String(cString: $0) }),
                let second = getpass("Again: ").map({ String(cString: $0) })
            else { throw ValidationError("cannot read the PIN from the terminal") }
            guard first == second else { throw ValidationError("the two PINs differ") }
            return first
        }
    }
}
