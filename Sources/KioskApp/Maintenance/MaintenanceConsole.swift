import Foundation
import KioskCore
import KioskTerminal
import KioskUI
import Logging

/// Maintenance mode for hall staff: entered with the configured key sequence on the home screen
/// and the admin PIN (checked by ``MaintenanceGate``: 5 wrong PINs lock it for 5 minutes); shows
/// the state of the reader, printer, database, disk and sync backlog; prints a test receipt;
/// exports the mail queue to a USB stick; reconnects the devices; leaves by itself after inactivity. Every admin action is
/// audited. Driven by the keypad (digits, Enter, Esc), like the staff screens of bank terminals.
actor MaintenanceConsole {
    private enum Mode {
        case closed
        case pin(entered: String, notice: MaintenanceNotice?)
        case menu(status: [MaintenanceStatusLine], notice: MaintenanceNotice?)
    }

    /// The gate's whole key sequence: the shell recognises the configured keys and then presses this.
    static let openToken = "maintenance.open"

    private var gate: MaintenanceGate<ContinuousClock>?
    private var mode = Mode.closed
    private let actions: MaintenanceActions
    private let database: AppDatabase
    private let terminalId: String
    private let strings: UIStrings
    private let theme: Theme
    private let logger: Logger

    /// - Parameters:
    ///   - pinHash: the configured `maintenance.pin_hash`; `nil` disables maintenance mode.
    ///   - strings, theme: what the console is drawn with (``MaintenanceScreen``).
    init(
        pinHash: PinHash?, inactivityTimeout: Duration, actions: MaintenanceActions, database: AppDatabase,
        terminalId: String, strings: UIStrings, theme: Theme, logger: Logger
    ) {
        gate = pinHash.map {
            MaintenanceGate(
                configuration: MaintenanceGateConfiguration(
                    sequence: [Self.openToken], pinHash: $0, inactivityTimeout: inactivityTimeout),
                clock: ContinuousClock())
        }
        self.actions = actions
        self.database = database
        self.terminalId = terminalId
        self.strings = strings
        self.theme = theme
        self.logger = logger
    }

    /// `true` while the PIN prompt or the staff menu is on screen.
    var isOpen: Bool {
        if case .closed = mode { return false }
        return true
    }

    /// The key sequence was entered on the home screen: show the PIN prompt (unless locked out).
    func open() async {
        guard var gate else {
            logger.notice("maintenance key sequence entered, but no maintenance.pin_hash is configured")
            return
        }
        await record(gate.press(Self.openToken))
        if case .awaitingPIN = gate.state { mode = .pin(entered: "", notice: nil) }
        self.gate = gate
    }

    /// Handles input while open, and ticks (timeouts) always.
    func handle(_ event: ShellEvent) async {
        guard var gate else { return }
        defer { self.gate = gate }
        switch event {
        case .tick:
            await record(gate.expire())
            switch (mode, gate.state) {
            case (.pin, .awaitingPIN), (.menu, .active), (.closed, _): break
            default: mode = .closed  // timed out: prompt dropped or inactive session ended
            }
        case .input(.key(let press), _):
            switch mode {
            case .closed: break
            case .pin(let entered, _):
                await pinKey(press.key, entered: entered, gate: &gate)
            case .menu(let status, _):
                await menuKey(press.key, status: status, gate: &gate)
            }
        default:
            break
        }
    }

    private func pinKey(_ key: Key, entered: String, gate: inout MaintenanceGate<ContinuousClock>) async {
        switch key {
        case .character(let c) where c.isASCII && c.isNumber && entered.count < 16,
            .keypad(let c) where c.isNumber && entered.count < 16:
            mode = .pin(entered: entered + String(c), notice: nil)
        case .backspace:
            mode = .pin(entered: String(entered.dropLast()), notice: nil)
        case .escape:
            await record(gate.cancelPIN())
            mode = .closed
        case .enter, .keypadEnter:
            await record(gate.submitPIN(entered))
            switch gate.state {
            case .active:
                mode = .menu(status: await actions.statusLines(), notice: nil)
            case .lockedOut:
                mode = .pin(entered: "", notice: MaintenanceNotice(.maintenancePinLocked))
            default:
                let left = gate.configuration.maximumFailures - gate.failures
                mode = .pin(entered: "", notice: MaintenanceNotice(.maintenancePinWrong, ["left": String(left)]))
            }
        default:
            break
        }
    }

    private func menuKey(_ key: Key, status: [MaintenanceStatusLine], gate: inout MaintenanceGate<ContinuousClock>)
        async
    {
        let choice: Character? =
            switch key {
            case .character(let c), .keypad(let c): c
            case .escape: "0"
            default: nil
            }
        await record(gate.noteActivity())
        switch choice {
        case "1":
            mode = .menu(status: await actions.statusLines(), notice: MaintenanceNotice(.maintenanceRefreshed))
        case "2":
            let authorization = gate.authorize("printer.test")
            await record(authorization.audit)
            guard authorization.allowed else {
                mode = .closed
                return
            }
            mode = .menu(status: status, notice: await actions.printTestReceipt())
        case "3":
            let authorization = gate.authorize("mail.export")
            await record(authorization.audit)
            guard authorization.allowed else {
                mode = .closed
                return
            }
            mode = .menu(status: status, notice: await actions.exportMailQueue())
        case "4":
            let authorization = gate.authorize("devices.reconnect")
            await record(authorization.audit)
            guard authorization.allowed else {
                mode = .closed
                return
            }
            mode = .menu(status: status, notice: actions.reconnectDevices())
        case "0":
            await record(gate.exit())
            mode = .closed
        default:
            break
        }
    }

    private func record(_ entries: [MaintenanceAuditEntry]) async {
        do {
            try await database.recordMaintenanceAudit(entries, time: actions.now(), terminalId: terminalId)
        } catch {
            logger.error("maintenance audit not stored", metadata: ["audit.error": "\(error)"])
        }
    }

    /// Draws the prompt or the menu (``MaintenanceScreen``); the PIN's digits never leave this actor.
    func frame(size: Size) -> CellBuffer {
        let view: MaintenanceView =
            switch mode {
            case .closed: .pin(digits: 0, notice: nil)
            case .pin(let entered, let notice): .pin(digits: entered.count, notice: notice)
            case .menu(let status, let notice): .menu(status: status, notice: notice)
            }
        let context = RenderContext(strings: strings, language: .simplifiedChinese, theme: theme, size: size)
        return MaintenanceScreen.frame(view, size: size, context: context)
    }
}
