import ArgumentParser
import Foundation
import Logging

/// `kiosk run`: the kiosk for citizens.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the kiosk in production (config from /etc/kiosk/kiosk.toml or --config).",
        discussion: """
            Draws on the terminal it is started in (kmscon or foot under cage; see docs/deployment.md), \
            reads the ID-card reader and prints through the configured printer. There is no quit key: \
            the kiosk stops on SIGTERM (systemctl stop). Exit status 78 means the configuration is invalid. \
            A crash report never reaches the screen: the kiosk re-executes itself with SWIFT_BACKTRACE's \
            interactive=no,color=no,output-to=stderr and, when standard error is the terminal, sends it to \
            the journal (or <state directory>/kiosk.log); see docs/deployment.md, "Crashes".
            """
    )

    @OptionGroup var state: StateOptions

    func run() async throws {
        let configuration: KioskConfiguration
        do {
            configuration = try KioskConfiguration.resolve(explicitPath: state.config).0
        } catch {
            FileHandle.standardError.write(Data("kiosk: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        let stateDirectory =
            state.stateDirectory
            ?? configuration.storage.stateDirectory.nonEmpty
            ?? state.resolvedStateDirectory()
        try await KioskLauncher.launch(
            configuration: configuration, mode: .production, stateDirectory: stateDirectory)
    }
}

/// What `run` and `demo` share: a terminal check, logging, and the application.
enum KioskLauncher {
    static func launch(configuration: KioskConfiguration, mode: RunMode, stateDirectory: String) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data("kiosk: standard input and output must be a terminal\n".utf8))
            throw ExitCode.failure
        }
        // A crash report must never reach the citizen's screen: the runtime reads SWIFT_BACKTRACE
        // only at start, so re-execute with it set, then move standard error off the terminal.
        HeapHygiene.prepareEnvironment()  // glibc's per-thread cache off in the re-executed kiosk (R5)
        let reexecProblem = CrashOutputProcess.reexecuteIfNeeded()
        // Before any citizen data exists: freed heap memory is overwritten from here on (rule R5).
        HeapHygiene.enable()
        try? FileManager.default.createDirectory(
            atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let logFile = (stateDirectory as NSString).appendingPathComponent("kiosk.log")
        let standardErrorIsTerminal = isatty(STDERR_FILENO) == 1
        let crashOutput = CrashOutputProcess.redirectStandardError(
            to: CrashOutput.destination(
                standardErrorIsTerminal: standardErrorIsTerminal, preferJournal: mode == .production,
                journalAvailable: FileManager.default.fileExists(atPath: CrashOutput.journalStreamSocket),
                logFile: logFile),
            fallbackFile: logFile)
        LoggingSetup.bootstrap(
            level: Logger.Level(rawValue: configuration.logging.level.rawValue) ?? .info,
            screenOwnsTerminal: true, preferJournal: mode == .production,
            fallbackFile: logFile, standardErrorIsTerminal: standardErrorIsTerminal)
        let logger = Logger(label: "kiosk")
        if let reexecProblem {
            logger.warning("crash reports may wait for a key", metadata: ["kiosk.error": "\(reexecProblem)"])
        }
        logger.info(
            "crash reports go to \(crashOutput)",
            metadata: [
                "swift.backtrace": "\(ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] ?? "")"
            ])
        do {
            try await KioskApplication(
                configuration: configuration, mode: mode, stateDirectory: stateDirectory, logger: logger
            ).run()
        } catch {
            logger.critical("kiosk failed", metadata: ["kiosk.error": "\(error)"])
            FileHandle.standardError.write(Data("kiosk: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
