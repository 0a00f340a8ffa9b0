import Foundation
import KioskCore
import KioskDevices

/// The device and data checks of `kiosk doctor`, beyond the core ones in ``Doctor``.
enum DoctorChecks {
    static let all: [@Sendable (KioskConfiguration, String) async -> [DoctorFinding]] = [
        { await calendars(now: Date(), environment: ProcessInfo.processInfo.environment, stateDirectory: $1, $0) },
        { configuration, _ in await reader(configuration) },
        { configuration, _ in await printer(configuration) },
        { await GatewayDoctorCheck.findings($0, stateDirectory: $1, now: Date()) },
    ]

    /// The working-day calendar covers this year and next (rule R13), else deadlines are estimates.
    /// Years count as covered when bundled or imported into the database.
    static func calendars(
        now: Date, environment: [String: String], stateDirectory: String, _ configuration: KioskConfiguration
    ) async -> [DoctorFinding] {
        var covered: Set<Int>
        do {
            covered = try WorkingDayCalendar.bundled(assets: try AssetLocator.locate(environment: environment))
                .coveredYears
        } catch {
            return [
                .error("calendar", "\(error)", hint: "install the assets (docs/deployment.md) or set KIOSK_ASSETS_DIR")
            ]
        }
        let databasePath = (stateDirectory as NSString).appendingPathComponent(AppDatabase.fileName)
        if FileManager.default.fileExists(atPath: databasePath),
            let imported = try? await AppDatabase.open(directory: stateDirectory).workingDayCalendar()
        {
            covered.formUnion(imported.coveredYears)
        }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let year = gregorian.component(.year, from: now)
        return [year, year + 1].map { year in
            covered.contains(year)
                ? .ok("calendar", "holidays and make-up days of \(year) are known")
                : .warning(
                    "calendar", "no holiday calendar for \(year): deadlines in \(year) count weekdays only and show 预计",
                    hint: "import the State Council notice as holiday-cn JSON: kiosk data import holidays FILE.json")
        }
    }

    /// The ID-card reader answers its status command.
    static func reader(_ configuration: KioskConfiguration) async -> [DoctorFinding] {
        let settings = configuration.reader
        switch settings.driver {
        case .none:
            return [
                .warning(
                    "reader", "card reading is disabled (reader.driver = \"none\")",
                    hint: "set reader.driver = \"serial\"")
            ]
        case .simulator:
            return [
                .warning(
                    "reader", "the simulated reader is configured", hint: "set reader.driver = \"serial\" on a kiosk")
            ]
        case .serial: break
        }
        guard FileManager.default.fileExists(atPath: settings.port) else {
            return [
                .error(
                    "reader", "no device at \(settings.port)",
                    hint:
                        "plug the reader in; check the udev rule (systemd/udev/70-kiosk-idcard.rules) and `ls -l /dev/idcard`"
                )
            ]
        }
        do {
            let link = try await SerialLink.open(
                path: settings.port, baudRate: BaudRate(rawValue: settings.baud) ?? .b115200)
            let client = SAMClient(transport: link)
            let status = try await client.status()
            let samID = status == .success ? try? await client.samID() : nil
            await link.close()
            guard status == .success else {
                return [
                    .error(
                        "reader", "the SAM at \(settings.port) reports \(status)", hint: "reset or replace the reader")
                ]
            }
            return [.ok("reader", "SAM \(samID ?? "?") answers at \(settings.port), \(settings.baud) baud")]
        } catch {
            return [
                .error(
                    "reader", "\(settings.port): \(error)",
                    hint: "check reader.baud, the cable, and that no other program (a running kiosk) holds the port")
            ]
        }
    }

    /// The receipt printer's state, paper and queue.
    static func printer(_ configuration: KioskConfiguration) async -> [DoctorFinding] {
        let settings = configuration.printer
        let profile = PrinterProfile.named(settings.profile.rawValue) ?? .mm80
        let printer: any ReceiptPrinter
        switch settings.driver {
        case .none:
            return [
                .warning(
                    "printer", "no printer configured: receipts are shown as QR codes on screen",
                    hint: "set printer.driver")
            ]
        case .preview:
            return [
                .warning(
                    "printer", "the preview printer is configured (receipts go to a folder)",
                    hint: "set printer.driver = \"cups\" on a kiosk")
            ]
        case .cups:
            printer = CUPSPrinter(
                queue: settings.queue, server: settings.cupsServer.nonEmpty, profile: profile, deadline: .seconds(10))
        case .socket:
            printer = SocketPrinter(
                host: settings.socketHost, port: settings.socketPort, profile: profile, timeout: .seconds(3))
        }
        let status = await printer.status()
        let destination =
            settings.driver == .cups ? "queue \(settings.queue)" : "\(settings.socketHost):\(settings.socketPort)"
        let detail =
            "\(destination): device \(status.device.rawValue), paper \(status.paper.rawValue)"
            + (status.reasons.isEmpty ? "" : ", reasons \(status.reasons.joined(separator: ","))")
        if !status.canPrint {
            return [
                .error(
                    "printer", detail,
                    hint: status.paper == .out
                        ? "load paper, then `cupsenable \(settings.queue)`"
                        : status.reasons.contains("no-such-queue")
                            ? "create the queue: lpadmin -p \(settings.queue) -v URI -m raw -o printer-error-policy=abort-job -E (docs/deployment.md)"
                            : status.reasons.contains("cupsd-unreachable")
                                ? "start CUPS (systemctl start cups) or fix printer.cups_server"
                                : "check the printer's power and cable, and `lpstat -p \(settings.queue)`")
            ]
        }
        if status.paper == .low {
            return [.warning("printer", detail, hint: "paper is low: replace the roll soon")]
        }
        return [.ok("printer", detail)]
    }
}
