import Foundation
import KioskTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real `kiosk-gateway serve` on loopback with port 0 listeners, its own configuration file and
/// CA in a temporary directory; several replicas may share one database and one CA.
final class RunningGateway: Sendable {
    /// `http://127.0.0.1:PORT` of the console (also /healthz, /readyz, /metrics).
    let consoleURL: String
    let consolePort: Int
    let devicePort: Int
    /// The directory with gateway.toml, ca/, the log.
    let directory: URL
    let configPath: String
    /// The CA directory (ca.pem, server.pem …).
    let caDirectory: URL
    private let process: Process

    private init(process: Process, directory: URL, consolePort: Int, devicePort: Int, caDirectory: URL) {
        self.process = process
        self.directory = directory
        self.consolePort = consolePort
        self.devicePort = devicePort
        self.consoleURL = "http://127.0.0.1:\(consolePort)"
        self.configPath = directory.appendingPathComponent("gateway.toml").path
        self.caDirectory = caDirectory
    }

    /// Starts a replica on `database`.
    ///
    /// - Parameters:
    ///   - sharingCAWith: another replica whose CA (and server certificate) this one uses.
    ///   - extraConfiguration: TOML appended to the generated file (whole tables, e.g. `[limits]\n…`).
    static func start(
        database: TestDatabase, sharingCAWith other: RunningGateway? = nil, extraConfiguration: String = ""
    ) async throws -> RunningGateway {
        let base = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory())
        let directory = base.appendingPathComponent("gateway-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let caDirectory = other?.caDirectory ?? directory.appendingPathComponent("ca", isDirectory: true)
        let configuration = """
            [database]
            url = "\(database.url)"
            max_connections = 10

            [device_api]
            listen = "127.0.0.1:0"

            [console]
            listen = "127.0.0.1:0"
            secure_cookies = false

            [ca]
            directory = "\(caDirectory.path)"

            \(extraConfiguration)
            """
        let configPath = directory.appendingPathComponent("gateway.toml").path
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        let binary = BuiltProducts.path("kiosk-gateway")
        if other == nil {
            let initialised = try await runProgram(
                binary,
                ["ca", "init", "--config", configPath, "--server-name", "127.0.0.1", "--server-name", "localhost"],
                environment: cleanEnvironment)
            guard initialised.status == 0 else { throw HarnessError("ca init failed: \(initialised.standardError)") }
        }
        let portsFile = directory.appendingPathComponent("ports.json")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--config", configPath, "--ports-file", portsFile.path]
        process.environment = cleanEnvironment
        let log = directory.appendingPathComponent("gateway.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let data = try? Data(contentsOf: portsFile),
                let ports = try? JSONDecoder().decode([String: Int].self, from: data),
                let console = ports["console"], let device = ports["deviceAPI"]
            {
                return RunningGateway(
                    process: process, directory: directory, consolePort: console, devicePort: device,
                    caDirectory: caDirectory)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.terminate() }
        throw HarnessError(
            "kiosk-gateway serve did not start: \(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))"
        )
    }

    /// The test's environment without a database URL override (the file's URL applies).
    private static var cleanEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KIOSK_GATEWAY_DATABASE_URL"] = nil
        environment["KIOSK_GATEWAY_LOG_LEVEL"] = environment["KIOSK_GATEWAY_LOG_LEVEL"] ?? "warning"
        return environment
    }

    /// Runs `kiosk-gateway ARGS --config <this replica's file>`.
    func cli(_ arguments: [String], input: Data? = nil) async throws -> ProgramResult {
        try await runProgram(
            BuiltProducts.path("kiosk-gateway"), arguments + ["--config", configPath],
            environment: Self.cleanEnvironment, input: input)
    }

    /// What the replica has logged so far.
    var log: String {
        String(
            decoding: (try? Data(contentsOf: directory.appendingPathComponent("gateway.log"))) ?? Data(), as: UTF8.self)
    }

    var isRunning: Bool { process.isRunning }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() async -> Int32 {
        if process.isRunning { process.terminate() }
        return await waitForExit()
    }

    /// SIGKILL, then waits.
    func kill() async {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        _ = await waitForExit()
    }

    private func waitForExit() async -> Int32 {
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
