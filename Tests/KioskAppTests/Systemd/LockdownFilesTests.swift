import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The udev rule, logind/sysctl/system.conf drop-ins, tmpfiles.d and sysusers.d files.
@Suite struct LockdownFilesTests {
    static func file(_ path: String) -> URL { OpsFixtures.systemdDirectory.appendingPathComponent(path) }

    @Test func logindIgnoresPowerKeysAndSpawnsNoConsoles() throws {
        let conf = try UnitFile(contentsOf: Self.file("logind.conf.d/kiosk.conf"))
        #expect(conf.value("Login", "NAutoVTs") == "0")
        #expect(conf.value("Login", "ReserveVT") == "0")
        for key in ["HandlePowerKey", "HandleRebootKey", "HandleSuspendKey", "HandleHibernateKey"] {
            #expect(conf.value("Login", key) == "ignore", "\(key)")
        }
    }

    @Test func sysrqIsOff() throws {
        let text = try String(contentsOf: Self.file("sysctl.d/90-kiosk.conf"), encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.replacingOccurrences(of: " ", with: "")
        }
        #expect(settings == ["kernel.sysrq=0"])
    }

    @Test func ctrlAltDelBurstDoesNothing() throws {
        let conf = try UnitFile(contentsOf: Self.file("system.conf.d/kiosk.conf"))
        #expect(conf.value("Manager", "CtrlAltDelBurstAction") == "none")
        // The hardware watchdog is documented but left to the site (it needs /dev/watchdog0).
        #expect(conf.value("Manager", "RuntimeWatchdogSec") == nil)
        let text = try String(contentsOf: Self.file("system.conf.d/kiosk.conf"), encoding: .utf8)
        #expect(text.contains("#RuntimeWatchdogSec=30s"))
    }

    @Test(arguments: [("1a86", "7523"), ("067b", "2303"), ("10c4", "ea60"), ("0403", "6001")])
    func udevNamesTheReader(vendor: String, product: String) throws {
        let text = try String(contentsOf: Self.file("udev/70-kiosk-idcard.rules"), encoding: .utf8)
        let rules = text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").filter {
            !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
        let rule = try #require(rules.first { $0.contains("ATTRS{idVendor}==\"\(vendor)\"") })
        #expect(rule.contains("SUBSYSTEM==\"tty\""))
        #expect(rule.contains("ATTRS{idProduct}==\"\(product)\""))
        #expect(rule.contains("SYMLINK+=\"idcard\""))
        #expect(rule.contains("GROUP=\"dialout\""))
        #expect(rule.contains("MODE=\"0660\""))
        #expect(text.contains("ATTRS{serial}==\""))
    }

    /// sysusers.d makes the kiosk user (in dialout and lp), and tmpfiles.d then makes its
    /// directories with the right owners and modes, in a scratch root. Needs root (chown).
    @Test(
        .enabled(
            if: getuid() == 0 && OpsFixtures.tool("systemd-sysusers") != nil
                && OpsFixtures.tool("systemd-tmpfiles") != nil
        ))
    func sysusersAndTmpfilesInAScratchRoot() async throws {
        let root = try OpsFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let etc = root.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: etc, withIntermediateDirectories: true)
        // A Debian base system's users and groups.
        try "root:x:0:0:root:/root:/bin/bash\n".write(
            to: etc.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        try "root:x:0:\nadm:x:4:\nlp:x:7:\ndialout:x:20:\n".write(
            to: etc.appendingPathComponent("group"), atomically: true, encoding: .utf8)

        let sysusers = try await OpsFixtures.run(
            try #require(OpsFixtures.tool("systemd-sysusers")),
            ["--root=\(root.path)", Self.file("sysusers.d/kiosk.conf").path])
        #expect(sysusers.status == 0, "\(sysusers.stderr)")
        let passwd = try String(contentsOf: etc.appendingPathComponent("passwd"), encoding: .utf8)
        let kiosk = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("kiosk:") })
        let fields = kiosk.split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields[5] == "/var/lib/kiosk")
        #expect(fields[6] == "/usr/sbin/nologin")
        let uid = try #require(Int(fields[2]))
        let group = try String(contentsOf: etc.appendingPathComponent("group"), encoding: .utf8)
        #expect(group.contains("dialout:x:20:kiosk"))
        #expect(group.contains("lp:x:7:kiosk"))

        let tmpfiles = try await OpsFixtures.run(
            try #require(OpsFixtures.tool("systemd-tmpfiles")),
            ["--root=\(root.path)", "--create", Self.file("tmpfiles.d/kiosk.conf").path])
        #expect(tmpfiles.status == 0, "\(tmpfiles.stderr)")
        func attributes(_ path: String) throws -> (mode: Int, uid: Int, gid: Int) {
            let a = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            return (
                (a[.posixPermissions] as? NSNumber)?.intValue ?? -1, (a[.ownerAccountID] as? NSNumber)?.intValue ?? -1,
                (a[.groupOwnerAccountID] as? NSNumber)?.intValue ?? -1
            )
        }
        let state = try attributes("var/lib/kiosk")
        #expect(state.mode == 0o700)
        #expect(state.uid == uid)
        let logs = try attributes("var/log/kiosk")
        #expect(logs.mode == 0o750)
        #expect(logs.uid == uid)
        #expect(logs.gid == 4)
        let config = try attributes("etc/kiosk")
        #expect(config.mode == 0o750)
        #expect(config.uid == 0)
    }
}
