import Foundation
import KioskCore
import KioskTestSupport

/// A kiosk connected to a ``RunningGateway``: its own state directory and kiosk.toml with a
/// `[gateway]` section, enrolled through the real `kiosk gateway enroll`, syncing through the real
/// `kiosk sync` (which execs `kiosk-sync`).
final class RunningKiosk: @unchecked Sendable {
    let id: String
    let gateway: RunningGateway
    let stateDirectory: String
    let configPath: String
    private var process: Process?

    var logPath: String { stateDirectory + "/sync.log" }

    private init(id: String, gateway: RunningGateway, stateDirectory: String, configPath: String) {
        self.id = id
        self.gateway = gateway
        self.stateDirectory = stateDirectory
        self.configPath = configPath
    }

    /// Registers `id` on the gateway, writes kiosk.toml and runs `kiosk gateway enroll`.
    static func enroll(
        id: String, gateway: RunningGateway, region: String = "370102", proxyPort: Int? = nil,
        gatewayPort: Int? = nil
    ) async throws -> RunningKiosk {
        let code = try await TestDevice.register(id: id, gateway: gateway, region: region)
        let directory = gateway.directory.appendingPathComponent("kiosk-\(id)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configPath = directory.appendingPathComponent("kiosk.toml").path
        let configuration = """
            [site]
            terminal_id = "\(id)"
            region_code = "\(region)"

            [gateway]
            url = "https://127.0.0.1:\(gatewayPort ?? gateway.devicePort)"
            ca_file = "\(gateway.caDirectory.appendingPathComponent("ca.pem").path)"
            heartbeat_seconds = 10
            pull_seconds = 5
            \(proxyPort.map { "proxy = \"http://127.0.0.1:\($0)\"" } ?? "")
            """
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        let kiosk = RunningKiosk(id: id, gateway: gateway, stateDirectory: directory.path, configPath: configPath)
        let enrolled = try await kiosk.cli(["gateway", "enroll", "--code", code])
        guard enrolled.status == 0 else {
            throw HarnessError("kiosk gateway enroll: \(enrolled.standardOutput) \(enrolled.standardError)")
        }
        return kiosk
    }

    /// `kiosk ARGS --config … --state-directory …`.
    func cli(_ arguments: [String]) async throws -> ProgramResult {
        try await runProgram(
            BuiltProducts.path("kiosk"),
            arguments + ["--config", configPath, "--state-directory", stateDirectory],
            environment: Self.environment)
    }

    /// The kiosk's database (the same file the sync process writes, WAL).
    func database() throws -> AppDatabase { try AppDatabase.open(directory: stateDirectory) }

    /// Starts `kiosk sync` in the background.
    func startSync() throws {
        let process = Process()
        process.executableURL = BuiltProducts.path("kiosk")
        process.arguments = ["sync", "--config", configPath, "--state-directory", stateDirectory]
        process.environment = Self.environment
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// SIGTERM (or SIGKILL) and waits; returns the exit status.
    @discardableResult
    func stopSync(kill: Bool = false) async -> Int32 {
        guard let process else { return -1 }
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, kill ? SIGKILL : SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    var syncLog: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Polls `condition` every 100 ms until it holds or `timeout` passes.
    func eventually(
        _ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError("timed out waiting for \(what); sync log:\n\(syncLog.suffix(3_000))")
    }

    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["https_proxy"] = nil
        environment["HTTPS_PROXY"] = nil
        return environment
    }
}
