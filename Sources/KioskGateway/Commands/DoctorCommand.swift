import ArgumentParser
import Foundation
import KioskProtocol

/// `kiosk-gateway doctor`: checks the configuration, the database and its migrations, the CA, the
/// server certificate and the listeners; exits 1 when anything is an error.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the database, the migrations, the CA and the listeners.")

    @OptionGroup var options: GatewayOptions

    @Flag(name: .long, help: "Print the findings as JSON.")
    var json = false

    func run() async throws {
        var findings: [GatewayDoctor.Finding] = []
        do {
            let configuration = try GatewayConfiguration.resolve(path: options.config)
            findings.append(.init(check: "configuration", ok: true, detail: options.config ?? "defaults"))
            findings += await GatewayDoctor(configuration: configuration, options: options).run()
        } catch {
            findings.append(.init(check: "configuration", ok: false, detail: "\(error)"))
        }
        if json {
            let encoder = ProtocolCoding.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            print(String(decoding: try encoder.encode(findings), as: UTF8.self))
        } else {
            for finding in findings { print("\(finding.ok ? "ok   " : "ERROR") \(finding.check): \(finding.detail)") }
        }
        if findings.contains(where: { !$0.ok }) { throw ExitCode.failure }
    }
}
