import ArgumentParser
import Foundation
import KioskDevices

/// `kiosk reader status`: the SAM's status (`11 FF`) and id (`12 FF`).
struct ReaderStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print the SAM status and SAM id.",
        discussion: ReaderExitCode.helpText
    )

    @OptionGroup var options: ReaderPortOptions

    func run() async throws {
        let link = try await options.open()
        let client = SAMClient(transport: link)
        let status: SAMStatus
        let samID: String?
        do {
            status = try await client.status()
            samID = status == .success ? try await client.samID() : nil
        } catch {
            await link.close()
            throw ReaderExitCode.report(error)
        }
        await link.close()
        if options.json {
            let object: [String: Any] = [
                "port": options.port, "status": status.isSuccess ? "ok" : "error", "code": Int(status.code),
                "message": status.description, "samID": samID ?? NSNull(),
            ]
            let data = try JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("port: \(options.port)")
            print("status: \(status)")
            print("sam id: \(samID ?? "-")")
        }
        guard status == .success else {
            FileHandle.standardError.write(Data("kiosk reader: SAM reports \(status)\n".utf8))
            throw ReaderExitCode.deviceError
        }
    }
}
