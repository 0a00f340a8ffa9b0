import ArgumentParser
import Foundation

/// `kiosk doctor`: checks the configuration, database, disk, clock, devices and calendars.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, database, devices, disk, clock and calendars.",
        discussion: """
            Each finding is printed with a fix hint. Exit status: 0 when nothing is wrong (warnings \
            allowed), 1 when any check found an error.
            """
    )

    @OptionGroup var state: StateOptions

    @Flag(name: .long, help: "Print the findings as JSON.")
    var json = false

    func run() async throws {
        let stateDirectory: String
        if state.stateDirectory == nil,
            let configured = try? KioskConfiguration.resolve(explicitPath: state.config).0.storage.stateDirectory,
            !configured.isEmpty
        {
            stateDirectory = configured
        } else {
            stateDirectory = state.resolvedStateDirectory()
        }
        var doctor = Doctor(configurationPath: state.config, stateDirectory: stateDirectory, now: Date())
        doctor.extraChecks = DoctorChecks.all
        let findings = await doctor.run()
        if json {
            print(String(decoding: try StaffExport.json(findings), as: UTF8.self))
        } else {
            for finding in findings {
                let mark =
                    switch finding.severity {
                    case .ok: "ok     "
                    case .warning: "warning"
                    case .error: "ERROR  "
                    }
                print("\(mark) \(finding.check): \(finding.message)")
                if !finding.hint.isEmpty { print("        fix: \(finding.hint)") }
            }
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
