import Foundation
import KioskTestSupport

/// `scripts/fault-proxy`: a TCP (or HTTP CONNECT) proxy between a kiosk and the gateway that the
/// test controls: cut the link, restore it, point it at a restarted gateway, count the bytes.
final class FaultProxy: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle

    /// Starts the proxy: forwarding to `127.0.0.1:targetPort`, or as a CONNECT proxy.
    static func start(targetPort: Int?, in directory: URL) async throws -> FaultProxy {
        let portFile = directory.appendingPathComponent("proxy-\(UUID().uuidString.prefix(6)).port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let script = repositoryRoot.appendingPathComponent("scripts/fault-proxy").path
        process.arguments =
            [script, "--port-file", portFile.path]
            + (targetPort.map { ["--target", "127.0.0.1:\($0)"] } ?? ["--connect"])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return FaultProxy(
                    port: port, process: process, input: input.fileHandleForWriting, output: output.fileHandleForReading
                )
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw HarnessError("scripts/fault-proxy did not start")
    }

    private init(port: Int, process: Process, input: FileHandle, output: FileHandle) {
        self.port = port
        self.process = process
        self.input = input
        self.output = output
    }

    private func send(_ command: String) { input.write(Data((command + "\n").utf8)) }

    /// The link goes down: open connections are reset, new ones refused.
    func cut() { send("cut") }
    func restore() { send("restore") }
    func retarget(port: Int) { send("target 127.0.0.1:\(port)") }

    /// Bytes carried so far (client → server, server → client) and the CONNECT targets asked for.
    func stats() throws -> (up: Int, down: Int, connections: Int, connects: [String]) {
        send("stats")
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.availableData
            if chunk.isEmpty { throw HarnessError("fault-proxy ended") }
            line.append(chunk)
        }
        let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] ?? [:]
        return (
            object["up"] as? Int ?? -1, object["down"] as? Int ?? -1, object["connections"] as? Int ?? -1,
            object["connects"] as? [String] ?? []
        )
    }

    func stop() {
        try? input.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
