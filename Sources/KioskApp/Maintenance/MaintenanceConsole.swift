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
        case pin(entered: String, message: String)
        case menu(lines: [String], message: String)
    }

    /// The gate's whole key sequence: the shell recognises the configured keys and then presses this.
    static let openToken = "maintenance.open"

    private var gate: MaintenanceGate<ContinuousClock>?
    private var mode = Mode.closed
    private let actions: MaintenanceActions
    private let database: AppDatabase
    private let terminalId: String
    private let logger: Logger

    /// - Parameter pinHash: the configured `maintenance.pin_hash`; `nil` disables maintenance mode.
    init(
        pinHash: PinHash?, inactivityTimeout: Duration, actions: MaintenanceActions, database: AppDatabase,
        terminalId: String, logger: Logger
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
        if case .awaitingPIN = gate.state { mode = .pin(entered: "", message: "") }
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
            case .menu(let lines, _):
                await menuKey(press.key, lines: lines, gate: &gate)
            }
        default:
            break
        }
    }

    private func pinKey(_ key: Key, entered: String, gate: inout MaintenanceGate<ContinuousClock>) async {
        switch key {
        case .character(let c) where c.isASCII && c.isNumber && entered.count < 16,
            .keypad(let c) where c.isNumber && entered.count < 16:
            mode = .pin(entered: entered + String(c), message: "")
        case .backspace:
            mode = .pin(entered: String(entered.dropLast()), message: "")
        case .escape:
            await record(gate.cancelPIN())
            mode = .closed
        case .enter, .keypadEnter:
            await record(gate.submitPIN(entered))
            switch gate.state {
            case .active:
                mode = .menu(lines: await actions.statusLines(), message: "")
            case .lockedOut:
                mode = .pin(entered: "", message: "PIN错误次数过多，已锁定5分钟 (locked for 5 minutes)")
            default:
                let left = gate.configuration.maximumFailures - gate.failures
                mode = .pin(entered: "", message: "PIN错误，还可尝试\(left)次 (wrong PIN, \(left) tries left)")
            }
        default:
            break
        }
    }

    private func menuKey(_ key: Key, lines: [String], gate: inout MaintenanceGate<ContinuousClock>) async {
        let choice: Character? = switch key {
        case .character(let c), .keypad(let c): c
        case .escape: "0"
        default: nil
        }
        await record(gate.noteActivity())
        switch choice {
        case "1":
            mode = .menu(lines: await actions.statusLines(), message: "状态已刷新 (refreshed)")
        case "2":
            let authorization = gate.authorize("printer.test")
            await record(authorization.audit)
            guard authorization.allowed else { mode = .closed; return }
            mode = .menu(lines: lines, message: await actions.printTestReceipt())
        case "3":
            let authorization = gate.authorize("mail.export")
            await record(authorization.audit)
            guard authorization.allowed else { mode = .closed; return }
            mode = .menu(lines: lines, message: await actions.exportMailQueue())
        case "4":
            let authorization = gate.authorize("devices.reconnect")
            await record(authorization.audit)
            guard authorization.allowed else { mode = .closed; return }
            mode = .menu(lines: lines, message: actions.reconnectDevices())
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

    /// Draws the prompt or the menu.
    func frame(size: Size) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        let plain = Style(foreground: .brightWhite, background: .blue)
        let title = Style(foreground: .black, background: .brightYellow, attributes: [.bold])
        let note = Style(foreground: .brightYellow, background: .blue, attributes: [.bold])
        buffer.withCanvas { canvas in
            canvas.fill(style: plain)
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), with: " ", style: title)
            _ = canvas.text(" 维护模式 Maintenance ", at: Point(x: 1, y: 0), style: title)
            var y = 2
            switch mode {
            case .closed:
                break
            case .pin(let entered, let message):
                _ = canvas.text("请输入管理员PIN，按Enter确认，Esc取消", at: Point(x: 2, y: y), style: plain)
                y += 2
                _ = canvas.text("PIN：" + String(repeating: "＊", count: entered.count), at: Point(x: 2, y: y), style: note)
                y += 2
                if !message.isEmpty { _ = canvas.text(message, at: Point(x: 2, y: y), style: note) }
            case .menu(let lines, let message):
                for line in lines where y < size.height - 4 {
                    _ = canvas.text(line, at: Point(x: 2, y: y), style: plain)
                    y += 1
                }
                y += 1
                _ = canvas.text(
                    "1 刷新状态  2 打印测试页  3 导出邮寄清单到U盘  4 重新连接设备  0 退出维护", at: Point(x: 2, y: y), style: note)
                if !message.isEmpty { _ = canvas.text(message, at: Point(x: 2, y: y + 2), style: plain) }
            }
        }
        return buffer
    }
}
