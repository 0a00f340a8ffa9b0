import Foundation

/// `kiosk doctor` on a connected kiosk: the certificate, the gateway's reachability, the clock
/// offset, the outbox and the replica, from `kiosk-sync check --json` run as a child process (the
/// kiosk's own binary has no TLS).
enum GatewayDoctorCheck {
    /// The part of `kiosk-sync check --json` the doctor reads.
    struct Report: Decodable {
        struct Status: Decodable {
            var enrolled: Bool
            var deviceId: String?
            var certificateExpiresAt: String?
            var lastContactAt: String?
            var outboxPending: Int
            var outboxDeadLettered: Int
            var oldestPendingAgeSeconds: Int?
            var deadLetterReasons: [String]
            var replicaRows: Int
            var replicaLagSeconds: Int?
        }
        var status: Status
        var reachable: Bool
        var httpStatus: Int?
        var error: String?
        var clockOffsetSeconds: Int?
    }

    static func findings(_ configuration: KioskConfiguration, stateDirectory: String, now: Date) async
        -> [DoctorFinding]
    {
        guard configuration.gateway.isConfigured else {
            return [.ok("gateway", "no [gateway] url: an island kiosk (USB/CSV export)")]
        }
        var arguments = ["check", "--state-directory", stateDirectory, "--url", configuration.gateway.url]
        if !configuration.gateway.proxy.isEmpty { arguments += ["--proxy", configuration.gateway.proxy] }
        let report: Report
        do {
            let output = try await run(SyncProcess.binary(), arguments)
            report = try JSONDecoder().decode(Report.self, from: output)
        } catch {
            return [
                .error("gateway", "kiosk-sync check failed: \(error)", hint: "is kiosk-sync installed next to kiosk?")
            ]
        }
        return interpret(report, now: now)
    }

    static func interpret(_ report: Report, now: Date) -> [DoctorFinding] {
        let status = report.status
        guard status.enrolled else {
            return [
                .error(
                    "gateway.certificate", "not enrolled",
                    hint: "ask staff for a code (kiosk-gateway device add), then kiosk gateway enroll --code CODE")
            ]
        }
        var findings: [DoctorFinding] = []
        let expiry = status.certificateExpiresAt.flatMap(parseTime)
        if let expiry {
            let days = Int(expiry.timeIntervalSince(now) / 86_400)
            if days < 0 {
                findings.append(
                    .error(
                        "gateway.certificate", "certificate expired \(-days) days ago",
                        hint: "enroll again with a new code"))
            } else if days < 30 {
                findings.append(
                    .warning(
                        "gateway.certificate", "certificate expires in \(days) days",
                        hint: "kiosk-sync renews it over the connection; check that the gateway is reachable"))
            } else {
                findings.append(.ok("gateway.certificate", "\(status.deviceId ?? "?"): valid for \(days) more days"))
            }
        } else {
            findings.append(
                .error("gateway.certificate", "certificate unreadable", hint: "enroll again with a new code"))
        }
        if report.reachable, report.httpStatus == 200 || report.httpStatus == 304 {
            findings.append(.ok("gateway.reachable", "the gateway answered"))
        } else if report.httpStatus == 401 || report.httpStatus == 403 {
            findings.append(
                .error(
                    "gateway.reachable", "the gateway refused this kiosk (HTTP \(report.httpStatus ?? 0))",
                    hint: "the device may have been revoked; ask staff, then enroll again"))
        } else {
            findings.append(
                .warning(
                    "gateway.reachable", "gateway not reachable: \(report.error ?? "no answer")",
                    hint: "check the network, [gateway] url and proxy; the kiosk keeps serving and catches up"))
        }
        if let offset = report.clockOffsetSeconds {
            findings.append(
                abs(offset) > 60
                    ? .warning(
                        "gateway.clock",
                        "the kiosk's clock is \(abs(offset)) s \(offset > 0 ? "behind" : "ahead of") the gateway",
                        hint: "enable time synchronisation (systemd-timesyncd); deadlines and receipts use this clock")
                    : .ok("gateway.clock", "within \(abs(offset)) s of the gateway"))
        }
        let outbox = "outbox: \(status.outboxPending) pending, \(status.outboxDeadLettered) dead letters"
        if status.outboxDeadLettered > 0 {
            findings.append(
                .warning(
                    "gateway.outbox", outbox + " (" + status.deadLetterReasons.prefix(3).joined(separator: "; ") + ")",
                    hint:
                        "dead letters are kept, never retried by themselves: check them with staff (kiosk gateway status)"
                ))
        } else {
            findings.append(.ok("gateway.outbox", outbox))
        }
        let lag = status.replicaLagSeconds.map { ", last pull \($0) s ago" } ?? ", never pulled"
        findings.append(
            (status.replicaLagSeconds ?? .max) > 3_600
                ? .warning(
                    "gateway.replica", "\(status.replicaRows) 办件\(lag)", hint: "check that kiosk-sync.service runs")
                : .ok("gateway.replica", "\(status.replicaRows) 办件\(lag)"))
        return findings
    }

    /// An RFC 3339 time as kiosk-sync writes it (fractional seconds, `Z`).
    static func parseTime(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// Runs `binary arguments` and returns its standard output (at most 30 s).
    private static func run(_ binary: String, _ arguments: [String]) async throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DoctorCheckFailure(message: "kiosk-sync check exited with \(process.terminationStatus)")
        }
        return data
    }

    struct DoctorCheckFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
