import Foundation
import KioskCore
import KioskDevices
import KioskTerminal
import KioskUI
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The composition root shared by `kiosk run` and `kiosk demo`: builds the database, devices, back
/// end, UI and background services from the configuration, and runs them in one `ServiceGroup`.
struct KioskApplication {
    var configuration: KioskConfiguration
    var mode: RunMode
    var stateDirectory: String
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var logger: Logger

    /// Builds everything and runs until SIGTERM (or the demo's quit key). While the database
    /// cannot be opened it shows 暂停服务 and waits (``DatabaseOpening``).
    func run() async throws {
        let assets = try AssetLocator.locate(environment: environment)
        let strings = try UIStrings.load(assetsDirectory: assets.root)
        let language: UILanguage = configuration.ui.language == .en ? .english : .simplifiedChinese
        let notifier = SystemdNotifier(environment: environment)
        let kioskMode = mode == .production
        let theme: Theme = configuration.ui.theme == .highContrast ? .highContrast : .standard
        // The kiosk sets the terminal's palette to the colours its themes are measured with
        // (docs/terminal.md): foot's or kmscon's own palette cannot make text unreadable.
        let makeTerminal: UIService.TerminalFactory = {
            try TerminalSession(options: .init(kioskMode: kioskMode, palette: AnsiPalette.terminalPalette(for: theme)))
        }
        let opening = DatabaseOpening(
            stateDirectory: stateDirectory, strings: strings, language: language, theme: theme, notifier: notifier,
            makeTerminal: makeTerminal, stopSignals: mode == .demo ? [.sigterm, .sigint] : [.sigterm],
            logger: Logger(label: "kiosk.database"))
        guard let database = try await opening.run() else {
            logger.notice("kiosk stopped")
            return
        }
        let now: @Sendable () -> Date = { Date() }
        if mode == .demo, try await database.caseFileCount() == 0 {
            let seeded = try await DemoData.seed(into: database, now: now())
            logger.notice("demo data seeded", metadata: ["demo.caseFiles": "\(seeded)"])
        }

        // Devices.
        let simulatedReader = configuration.reader.driver == .simulator ? SimulatedCardReader() : nil
        let connector: (any SAMConnector)? =
            switch configuration.reader.driver {
            case .serial:
                SerialConnector(
                    path: configuration.reader.port, baudRate: BaudRate(rawValue: configuration.reader.baud) ?? .b115200
                )
            case .simulator: simulatedReader
            case .none: nil
            }
        var readerConfiguration = ReaderServiceConfiguration()
        readerConfiguration.pollInterval = .milliseconds(configuration.reader.pollIntervalMilliseconds)
        readerConfiguration.readTimeout = .milliseconds(configuration.reader.readTimeoutMilliseconds)
        let reader = connector.map {
            IDCardReaderService(
                connector: $0, configuration: readerConfiguration, clock: ContinuousClock(),
                logger: Logger(label: "kiosk.reader"))
        }
        let printer = makePrinter()

        // Back end and UI.
        let deadlines = try await DeadlineCalculator(
            calendar: loadCalendar(assets: assets, database: database),
            policy: DeadlinePolicy(dueSoonWorkingDays: configuration.deadlines.dueSoonWorkingDays))
        let site = ReceiptSite(
            siteName: configuration.site.name, terminalID: configuration.site.terminalId,
            qrLink: ReceiptQRLink(
                template: configuration.receipt.qrURLTemplate, key: tokenKey(),
                lifetimeSeconds: Int64(configuration.receipt.tokenValidityHours) * 3_600))
        let health = DatabaseHealth(
            database: database, stateDirectory: stateDirectory,
            healthyInterval: .seconds(configuration.storage.healthCheckSeconds),
            logger: Logger(label: "kiosk.database"))
        let backend = LiveSessionBackend(
            .init(
                database: database,
                backOffice: LocalBackOffice(database: database, terminalId: configuration.site.terminalId),
                printer: printer, deadlines: deadlines, receiptSite: site, terminalId: configuration.site.terminalId,
                regionCode: configuration.site.regionCode, consultPhone: configuration.site.consultPhone,
                supervisionPhone: configuration.site.supervisionPhone, now: now,
                logger: Logger(label: "kiosk.session"), storageFailed: { health.probeSoon() }))

        let connected = configuration.gateway.isConfigured
        let pinHash: PinHash? =
            configuration.maintenance.pinHash.isEmpty
            ? nil : try PinHash(parsing: configuration.maintenance.pinHash)
        let maintenanceActions = MaintenanceActions(
            database: database, printer: printer,
            readerStatus: { reader.map { "\($0.status)" } ?? "disabled" },
            reconnectReader: { reader?.requestReconnect() },
            stateDirectory: stateDirectory, exportDirectory: configuration.maintenance.exportDirectory,
            profileName: configuration.printer.profile.rawValue, now: now,
            gatewayConfigured: connected)
        let console = MaintenanceConsole(
            pinHash: pinHash, inactivityTimeout: .seconds(configuration.maintenance.idleExitSeconds),
            actions: maintenanceActions,
            database: database, terminalId: configuration.site.terminalId, strings: strings, theme: theme,
            logger: Logger(label: "kiosk.maintenance"))
        let uiBox = UIServiceBox()
        let demoCards = simulatedReader == nil ? [] : SampleCards.all.map { Self.demoLabel($0.name, $0.card) }
        let shell = KioskShell(
            strings: strings,
            theme: theme,
            backend: backend,
            config: UIConfig(
                siteName: configuration.site.name, operatorName: configuration.site.name,
                retentionDays: configuration.retention.deliveredMailDays,
                idleTimeout: .seconds(configuration.session.idleTimeoutSeconds),
                formIdleTimeout: .seconds(configuration.session.formIdleTimeoutSeconds),
                countdown: .seconds(configuration.session.countdownSeconds),
                demoCards: demoCards,
                defaultLanguage: language,
                highContrastByDefault: configuration.ui.theme == .highContrast,
                announcementRefresh: min(.seconds(configuration.ui.repaintIntervalSeconds), .seconds(30))),
            hooks: ShellHooks(
                maintenanceRequested: { await console.open() },
                placeDemoCard: { index in
                    guard index >= 0, index < SampleCards.all.count else { return }
                    simulatedReader?.place(SampleCards.all[index].card)
                },
                removeDemoCard: { simulatedReader?.remove() },
                sessionEnded: { uiBox.service?.requestWipe() },
                announcements: {
                    // Typed rows the sync process stored; nothing from the network is parsed here.
                    guard connected else { return [] }
                    return ((try? await database.currentAnnouncements(now: now())) ?? []).map(\.text)
                }),
            maintenanceKeys: configuration.maintenance.keySequence.compactMap(KeyName.parse))

        let (cardEvents, cardContinuation) = AsyncStream.makeStream(of: CardEvent.self)
        let ui = UIService(
            screen: KioskScreens(
                shell: shell, console: console, health: health, strings: strings, language: language, theme: theme),
            makeTerminal: makeTerminal,
            notifier: notifier, mode: mode, cardEvents: cardEvents,
            repaintInterval: .seconds(configuration.ui.repaintIntervalSeconds), logger: Logger(label: "kiosk.ui"))
        uiBox.service = ui

        // A connected kiosk keeps a delivered request's personal data until the gateway has it too.
        let retentionConfiguration = RetentionConfiguration(
            auditRetentionDays: configuration.retention.auditDays, requireUpstreamDelivery: connected)
        let retention = RetentionService(
            database: database,
            configuration: retentionConfiguration,
            jobs: [
                .mailPersonalData(
                    database: database, days: configuration.retention.deliveredMailDays,
                    configuration: retentionConfiguration)
            ],
            terminalId: configuration.site.terminalId, clock: ContinuousClock(), now: now,
            logger: Logger(label: "kiosk.retention"))

        // Dependency order: later services may rely on earlier ones; shutdown runs in reverse, so the
        // UI stops first while the reader, printer and database are still there.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let reader {
            services.append(.init(service: reader))
            services.append(
                .init(
                    service: CardBridge(
                        readerEvents: reader.events(), backend: backend, output: cardContinuation,
                        logger: Logger(label: "kiosk.cards"))))
        } else {
            cardContinuation.finish()
        }
        let printerBoard = PrinterStatusBoard()
        if let printer, configuration.printer.driver != .preview {
            let monitor = PrinterMonitor(printer: printer, logger: Logger(label: "kiosk.printer.monitor"))
            services.append(.init(service: monitor))
            services.append(
                .init(
                    service: PrinterAlerts(
                        changes: monitor.changes, database: database, terminalId: configuration.site.terminalId,
                        board: connected ? printerBoard : nil, logger: Logger(label: "kiosk.printer"))))
        }
        services.append(.init(service: health))
        services.append(
            .init(
                service: WALCheckpointService(
                    checkpointer: WALCheckpointer(database: database), logger: Logger(label: "kiosk.database"))))
        services.append(.init(service: retention))
        if connected {
            // The devices' state for the sync process's heartbeat (the only way it leaves this process).
            services.append(
                .init(
                    service: DeviceStatusPublisher(
                        database: database, readerState: { reader?.status.device.rawValue ?? "disabled" },
                        printers: printerBoard, printerName: configuration.printer.queue, clock: ContinuousClock(),
                        now: now, logger: Logger(label: "kiosk.devices.status"))))
            services.append(
                .init(
                    service: GatewayCommandRunner(
                        database: database, terminalId: configuration.site.terminalId,
                        isIdle: {
                            let home = await shell.isIdle
                            let staff = await console.isOpen
                            return home && !staff && health.isHealthy
                        },
                        actions: .init(
                            reconnectReader: {
                                guard let reader else { return false }
                                reader.requestReconnect()
                                return true
                            },
                            printTest: { await Self.printTest(maintenanceActions) }),
                        clock: ContinuousClock(), now: now, logger: Logger(label: "kiosk.commands")),
                    // restartApp ends the runner: the whole kiosk stops and systemd starts it again.
                    successTerminationBehavior: .gracefullyShutdownGroup))
        }
        services.append(.init(service: ui, successTerminationBehavior: .gracefullyShutdownGroup))

        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: mode == .demo ? [.sigterm, .sigint] : [.sigterm],
            cancellationSignals: [],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(8)
        groupConfiguration.maximumCancellationDuration = .seconds(1)
        logger.notice(
            "kiosk starting",
            metadata: [
                "kiosk.mode": "\(mode)", "kiosk.state": "\(stateDirectory)", "kiosk.assets": "\(assets.root.path)",
            ])
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch {
            await backend.endAllSessions()
            throw error
        }
        // A session open at shutdown ends like any other: identity wiped, print jobs cancelled.
        await backend.endAllSessions()
        logger.notice("kiosk stopped")
    }

    /// The gateway's `printTest`: the test receipt maintenance mode prints, its result in a few words.
    static func printTest(_ actions: MaintenanceActions) async -> (ok: Bool, detail: String) {
        let notice = await actions.printTestReceipt()
        switch notice.key {
        case .maintenanceTestPrinted: return (true, "printed")
        case .maintenanceNoPrinter: return (false, "no printer")
        default: return (false, "print failed: \(notice.arguments["error"] ?? "?")")
        }
    }

    /// A demo button's label: the invented holder's name and what makes the card special.
    static func demoLabel(_ key: String, _ card: CardRecord) -> String {
        let note =
            switch key {
            case "elder": "（长者）"
            case "expired": "（已过期）"
            case "rare": "（生僻字）"
            case "hkmo": "（港澳居民）"
            case "foreigner": "（外国人）"
            default: ""
            }
        return card.name + note
    }

    /// The configured printer, or `nil` when there is none (QR codes are then shown on screen).
    private func makePrinter() -> (any ReceiptPrinter)? {
        let printer = configuration.printer
        var profile = PrinterProfile.named(printer.profile.rawValue) ?? .mm80
        profile.nativeQR = printer.nativeQR
        profile.charset = PrinterCharset(rawValue: printer.charset.rawValue) ?? .gb18030
        switch printer.driver {
        case .cups:
            return CUPSPrinter(
                queue: printer.queue, server: printer.cupsServer.nonEmpty, profile: profile,
                deadline: .seconds(printer.jobTimeoutSeconds), logger: Logger(label: "kiosk.printer"))
        case .socket:
            return SocketPrinter(host: printer.socketHost, port: printer.socketPort, profile: profile)
        case .preview:
            let folder =
                printer.previewDirectory.nonEmpty
                ?? (stateDirectory as NSString).appendingPathComponent("receipts")
            return PreviewPrinter(folder: URL(fileURLWithPath: folder, isDirectory: true), profile: profile)
        case .none:
            return nil
        }
    }

    /// The bundled national calendar, the years and local days imported with `kiosk data import
    /// holidays`, and the optional override file of the configuration.
    private func loadCalendar(assets: AssetLocator.Assets, database: AppDatabase) async throws -> WorkingDayCalendar {
        var calendar = try WorkingDayCalendar.bundled(assets: assets)
        let imported = try await database.workingDayCalendar()
        let days = imported.listedDays
        func file(local: Bool) -> HolidayFile {
            HolidayFile(
                year: nil,
                days: days.filter { $0.isLocal == local }.map {
                    HolidayFile.Day(name: local ? "local" : "imported", date: $0.date, isOffDay: $0.isOffDay)
                })
        }
        calendar.add(national: file(local: false))
        calendar.add(override: file(local: true))
        for year in imported.coveredYears { calendar.markCovered(year: year) }
        let overridePath = configuration.deadlines.calendarOverrideFile
        if !overridePath.isEmpty {
            let data = try Data(contentsOf: URL(fileURLWithPath: overridePath))
            calendar.add(override: try HolidayFile.decode(data, requireYear: false))
        }
        return calendar
    }

    /// The 16-byte QR token key: derived from the configured secret, or random per start.
    private func tokenKey() -> [UInt8] {
        if !configuration.receipt.tokenKey.isEmpty {
            return Array(SHA256.hash(Array(configuration.receipt.tokenKey.utf8)).prefix(16))
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// Late binding between the shell's session-ended hook and the UI service built after it.
final class UIServiceBox: Sendable {
    private let storage = Mutex<UIService?>(nil)

    var service: UIService? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
