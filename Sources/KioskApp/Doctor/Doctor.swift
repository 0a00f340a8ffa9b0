import Foundation
import GRDB
import KioskConfigFile
import KioskCore

/// The checks behind `kiosk doctor`. Each check is independent and never throws: a failure becomes
/// an error finding with a hint, so one broken part never hides the state of the others.
struct Doctor {
    var configurationPath: String?
    var stateDirectory: String
    var now: Date
    /// Extra checks contributed by device and domain features (reader, printer, calendars).
    var extraChecks: [@Sendable (KioskConfiguration, String) async -> [DoctorFinding]] = []

    /// Runs every check and returns the findings in a stable order.
    func run() async -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let configuration: KioskConfiguration
        switch checkConfiguration() {
        case .success(let loaded):
            configuration = loaded.0
            findings.append(loaded.1)
        case .failure(let failure):
            findings += failure.findings
            configuration = KioskConfiguration()
        }
        findings.append(checkDatabase())
        findings.append(checkDisk())
        findings.append(checkClock())
        for check in extraChecks {
            findings += await check(configuration, stateDirectory)
        }
        return findings
    }

    struct ConfigurationFailure: Error { var findings: [DoctorFinding] }

    func checkConfiguration() -> Result<(KioskConfiguration, DoctorFinding), ConfigurationFailure> {
        do {
            let (configuration, path) = try KioskConfiguration.resolve(explicitPath: configurationPath)
            let source = path ?? "built-in defaults (no \(KioskConfiguration.defaultPath))"
            return .success((configuration, .ok("configuration", "valid: \(source)")))
        } catch {
            let findings = error.issues.map { issue in
                DoctorFinding.error(
                    "configuration", "\(error.path): \(issue)",
                    hint: "fix the key in the file; docs/configuration.md lists every key with its type and range")
            }
            return .failure(ConfigurationFailure(findings: findings))
        }
    }

    func checkDatabase() -> DoctorFinding {
        let path = (stateDirectory as NSString).appendingPathComponent(AppDatabase.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            return .warning(
                "database", "no database yet at \(path)",
                hint: "it is created on first start; check that \(stateDirectory) is writable by the kiosk user")
        }
        do {
            let database = try AppDatabase.open(directory: stateDirectory)
            let verdict = try database.reader.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard verdict == "ok" else {
                return .error(
                    "database", "quick_check reported: \(verdict ?? "nothing")",
                    hint: "stop the kiosk, back up \(path), and restore the last good backup")
            }
            return .ok("database", "\(path): quick_check ok")
        } catch {
            return .error("database", "\(error)", hint: "see docs/deployment.md, section on the database")
        }
    }

    func checkDisk() -> DoctorFinding {
        var target = stateDirectory
        while !FileManager.default.fileExists(atPath: target), target != "/" {
            target = (target as NSString).deletingLastPathComponent
        }
        var stats = statvfs()
        guard statvfs(target, &stats) == 0 else {
            return .error("disk", "statvfs(\(target)) failed: errno \(errno)", hint: "check the file system")
        }
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        let megabytes = free / 1_048_576
        if megabytes < 20 {
            return .error(
                "disk", "only \(megabytes) MiB free under \(target)",
                hint: "free space: confirmed mail requests cannot be stored on a full disk")
        }
        if megabytes < 200 {
            return .warning("disk", "\(megabytes) MiB free under \(target)", hint: "free space soon")
        }
        return .ok("disk", "\(megabytes) MiB free under \(target)")
    }

    func checkClock() -> DoctorFinding {
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        guard (2025...2099).contains(year) else {
            return .error(
                "clock", "the system clock says \(now.formatted(.iso8601))",
                hint: "set the time (timedatectl, or an NTP server); deadlines and receipts depend on it")
        }
        return .ok("clock", "\(now.formatted(.iso8601))")
    }
}
