import ArgumentParser
import Foundation
import KioskDevices

/// `kiosk-devsim`: device simulators for tests, demos and fault injection.
@main
struct DevSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-devsim",
        abstract: "Simulated kiosk devices on real pseudo-terminals.",
        subcommands: [SAMCommandLine.self]
    )
}
