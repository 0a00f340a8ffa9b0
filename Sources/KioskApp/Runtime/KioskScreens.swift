import KioskTerminal
import KioskUI

/// The screens the UI loop drives: the citizen's shell; the staff console on top of it while
/// maintenance mode is open; the 暂停服务 screen while the database cannot commit. Input goes to
/// whatever is on top (nothing while paused); card events and ticks always reach the shell, so a
/// session underneath keeps its rules (it ends on removal or idle timeout).
struct KioskScreens: ScreenDriver {
    let shell: KioskShell
    let console: MaintenanceConsole
    let health: DatabaseHealth
    let strings: UIStrings
    let language: UILanguage
    let theme: Theme

    func handle(_ event: ShellEvent) async {
        await console.handle(event)
        if case .input = event {
            if await console.isOpen || !health.isHealthy { return }
        }
        await shell.handle(event)
    }

    func frame(size: Size) async -> CellBuffer {
        if await console.isOpen { return await console.frame(size: size) }
        if !health.isHealthy {
            let context = RenderContext(strings: strings, language: language, theme: theme, size: size)
            return PausedScreen.frame(size: size, context: context)
        }
        return await shell.frame(size: size)
    }

    func statusName() async -> String {
        if await console.isOpen { return "maintenance" }
        if !health.isHealthy { return "paused" }
        return await shell.statusName()
    }
}
