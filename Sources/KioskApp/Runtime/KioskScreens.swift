import KioskTerminal
import KioskUI

/// The screens the UI loop drives: the citizen's shell, with the staff console on top of it while
/// maintenance mode is open (input then goes to the console; card events and ticks still reach the
/// shell so a session underneath keeps its rules).
struct KioskScreens: ScreenDriver {
    let shell: KioskShell
    let console: MaintenanceConsole

    func handle(_ event: ShellEvent) async {
        await console.handle(event)
        if case .input = event, await console.isOpen { return }
        await shell.handle(event)
    }

    func frame(size: Size) async -> CellBuffer {
        if await console.isOpen { return await console.frame(size: size) }
        return await shell.frame(size: size)
    }

    func statusName() async -> String {
        if await console.isOpen { return "maintenance" }
        return await shell.statusName()
    }
}
