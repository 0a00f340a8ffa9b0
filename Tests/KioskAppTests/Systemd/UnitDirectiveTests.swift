import Foundation
import Testing

/// The settings issue #7 requires are present in every shipped unit.
@Suite struct UnitDirectiveTests {
    static let units = ["kiosk.service", "kiosk-cage.service", "kiosk-kmscon.service"]

    static func load(_ name: String) throws -> UnitFile {
        try UnitFile(contentsOf: OpsFixtures.systemdDirectory.appendingPathComponent(name))
    }

    /// Values of a list-valued setting, split on spaces across all its lines.
    static func items(_ unit: UnitFile, _ section: String, _ key: String) -> [String] {
        unit.values(section, key).flatMap { $0.split(separator: " ").map(String.init) }
    }

    @Test(arguments: units)
    func supervision(name: String) throws {
        let unit = try Self.load(name)
        #expect(unit.value("Service", "Type") == "notify")
        #expect(unit.value("Service", "NotifyAccess") == "all")
        #expect(unit.value("Service", "WatchdogSec") == "30")
        #expect(unit.value("Service", "Restart") == "always")
        #expect(unit.value("Service", "RestartSec") == "2")
        #expect(unit.value("Unit", "StartLimitIntervalSec") != nil)
        #expect(Int(unit.value("Unit", "StartLimitBurst") ?? "") ?? 0 >= 1)
        #expect(unit.value("Unit", "StartLimitAction") == "reboot")
        // Start limits in [Service] are silently ignored by systemd: make sure they are not there.
        #expect(unit.value("Service", "StartLimitBurst") == nil)
        #expect(unit.values("Service", "Environment").contains("LANG=C.UTF-8"))
        #expect(unit.value("Service", "ExecStart")?.contains("/usr/local/bin/kiosk run") == true)
        #expect(unit.value("Service", "TTYPath") == "/dev/tty1")
        #expect(unit.value("Service", "TTYVTDisallocate") == "yes")
        #expect(unit.value("Service", "SyslogIdentifier") == "kiosk")
    }

    /// A crash's backtrace must not draw on the citizen's screen nor wait for a key: the Swift
    /// runtime's backtracer is told not to interact, not to colour and to write to stderr, which
    /// the unit sends to the journal.
    @Test(arguments: units)
    func crashesNeverInteract(name: String) throws {
        let unit = try Self.load(name)
        let backtrace = unit.values("Service", "Environment").first { $0.hasPrefix("SWIFT_BACKTRACE=") }
        let settings = Set(
            (backtrace?.dropFirst("SWIFT_BACKTRACE=".count) ?? "").split(separator: ",").map(String.init))
        for setting in ["interactive=no", "color=no", "output-to=stderr"] {
            #expect(settings.contains(setting), "\(name): SWIFT_BACKTRACE lacks \(setting)")
        }
        #expect(unit.value("Service", "StandardError") == "journal")
    }

    @Test(arguments: units)
    func variantsExcludeEachOther(name: String) throws {
        let conflicts = Self.items(try Self.load(name), "Unit", "Conflicts")
        #expect(conflicts.contains("getty@tty1.service"))
        for other in Self.units where other != name {
            #expect(conflicts.contains(other))
        }
    }

    @Test(arguments: units)
    func sandbox(name: String) throws {
        let unit = try Self.load(name)
        for key in [
            "ProtectHome", "PrivateTmp", "NoNewPrivileges", "ProtectKernelTunables", "ProtectKernelModules",
            "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock", "ProtectHostname", "RestrictNamespaces",
            "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality",
        ] {
            #expect(unit.value("Service", key) == "yes", "\(name): \(key)")
        }
        #expect(unit.value("Service", "ProtectSystem") == "strict")
        #expect(unit.value("Service", "DevicePolicy") == "closed")
        #expect(unit.value("Service", "UMask") == "0077")
        #expect(unit.value("Service", "SystemCallArchitectures") == "native")
        #expect(unit.values("Service", "SystemCallFilter").first == "@system-service")
        let devices = unit.values("Service", "DeviceAllow")
        #expect(devices.contains("/dev/idcard rw"))
        #expect(devices.contains("char-ttyUSB rw"))
        #expect(devices.contains("/dev/tty1 rw"))
        let families = Set(Self.items(unit, "Service", "RestrictAddressFamilies"))
        #expect(families.isSuperset(of: ["AF_UNIX", "AF_INET", "AF_INET6"]))
        #expect(families.isSubset(of: ["AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"]))
        // The printer may be remote (CUPS server, 9100): the network stays reachable.
        #expect(unit.value("Service", "PrivateNetwork") != "yes")
    }

    @Test func kioskServiceIsTheTightest() throws {
        let unit = try Self.load("kiosk.service")
        #expect(unit.value("Service", "User") == "kiosk")
        #expect(unit.value("Service", "SupplementaryGroups") == "dialout lp")
        #expect(unit.value("Service", "StateDirectory") == "kiosk")
        #expect(unit.value("Service", "LogsDirectory") == "kiosk")
        #expect(unit.value("Service", "CapabilityBoundingSet") == "")
        #expect(unit.value("Service", "MemoryDenyWriteExecute") == "yes")
        #expect(unit.value("Service", "ProtectProc") == "invisible")
        #expect(unit.value("Service", "ProcSubset") == "pid")
        #expect(unit.value("Service", "StandardInput") == "tty-fail")
        #expect(Set(Self.items(unit, "Service", "RestrictAddressFamilies")) == ["AF_UNIX", "AF_INET", "AF_INET6"])
    }

    @Test func cageRunsFootWithTheKioskConfig() throws {
        let unit = try Self.load("kiosk-cage.service")
        let exec = try #require(unit.value("Service", "ExecStart"))
        #expect(exec.hasPrefix("/usr/bin/cage -- /usr/bin/foot --config=/etc/kiosk/foot.ini /usr/local/bin/kiosk run"))
        // cage -s would allow VT switching.
        #expect(!exec.split(separator: " ").contains("-s"))
        #expect(unit.value("Service", "User") == "kiosk")
        #expect(unit.value("Service", "PAMName") != nil)
        #expect(unit.value("Service", "CapabilityBoundingSet") == "")
        #expect(unit.value("Service", "StateDirectory") == "kiosk")
    }

    @Test func kmsconDropsToTheKioskUser() throws {
        let unit = try Self.load("kiosk-kmscon.service")
        let exec = try #require(unit.value("Service", "ExecStart"))
        let words = exec.split(separator: " ").map(String.init)
        #expect(words.first == "/usr/bin/kmscon")
        for option in ["--no-reset-env", "--sb-size=0", "--font-engine=pango", "--no-switchvt", "--vt=tty1"] {
            #expect(words.contains(option), "missing \(option)")
        }
        #expect(!words.contains("--session-control"))
        // Every kmscon grab (scrollback, zoom, sessions) is set to the empty list, i.e. off.
        let grabs = words.filter { $0.hasPrefix("--grab-") }
        #expect(grabs.count == 11)
        #expect(grabs.allSatisfy { $0.hasSuffix("=") })
        let login = try #require(words.firstIndex(of: "--login"))
        #expect(
            Array(words[(login + 1)...].prefix(5)) == [
                "--", "/usr/bin/setpriv", "--reuid=kiosk", "--regid=kiosk", "--init-groups",
            ])
        #expect(words.suffix(4) == ["/usr/local/bin/kiosk", "run", "--config", "/etc/kiosk/kiosk.toml"])
        // Root unit: StateDirectory= would make /var/lib/kiosk root's; tmpfiles.d owns it instead.
        #expect(unit.value("Service", "StateDirectory") == nil)
        #expect(Self.items(unit, "Service", "ReadWritePaths").contains("/var/lib/kiosk"))
        #expect(unit.values("Service", "Environment").contains("STATE_DIRECTORY=/var/lib/kiosk"))
    }
}
