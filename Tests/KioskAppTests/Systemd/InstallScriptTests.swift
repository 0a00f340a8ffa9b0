import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// systemd/install.sh into a scratch root: files in place, the user and directories made,
/// Ctrl+Alt+Del masked, exactly the chosen variant enabled. Needs root (it chowns) and the
/// systemd tools; skipped otherwise.
@Suite(
    .enabled(
        if: getuid() == 0 && OpsFixtures.tool("systemctl") != nil && OpsFixtures.tool("systemd-sysusers") != nil
            && OpsFixtures.tool("systemd-tmpfiles") != nil))
struct InstallScriptTests {
    func scratchRoot() throws -> URL {
        let root = try OpsFixtures.temporaryDirectory()
        let etc = root.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: etc, withIntermediateDirectories: true)
        try "root:x:0:0:root:/root:/bin/bash\n".write(
            to: etc.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        try "root:x:0:\nadm:x:4:\nlp:x:7:\ndialout:x:20:\n".write(
            to: etc.appendingPathComponent("group"), atomically: true, encoding: .utf8)
        return root
    }

    func install(_ arguments: [String]) async throws -> OpsFixtures.Result {
        try await OpsFixtures.run(
            URL(fileURLWithPath: "/bin/bash"),
            [OpsFixtures.systemdDirectory.appendingPathComponent("install.sh").path] + arguments)
    }

    func link(_ root: URL, _ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent(path).path)
    }

    @Test(arguments: [("cage", "kiosk-cage.service"), ("kmscon", "kiosk-kmscon.service"), ("plain", "kiosk.service")])
    func installsAndEnablesOneVariant(variant: String, unit: String) async throws {
        let root = try scratchRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await install(["--root", root.path, "--variant", variant])
        #expect(result.status == 0, "\(result.stderr)")

        for file in [
            "etc/systemd/system/kiosk.service", "etc/systemd/system/kiosk-cage.service",
            "etc/systemd/system/kiosk-kmscon.service", "etc/kiosk/foot.ini", "etc/udev/rules.d/70-kiosk-idcard.rules",
            "etc/systemd/logind.conf.d/kiosk.conf", "etc/sysctl.d/90-kiosk.conf",
            "etc/systemd/system.conf.d/kiosk.conf",
            "etc/tmpfiles.d/kiosk.conf", "etc/sysusers.d/kiosk.conf",
        ] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        #expect(link(root, "etc/systemd/system/ctrl-alt-del.target") == "/dev/null")
        for candidate in ["kiosk.service", "kiosk-cage.service", "kiosk-kmscon.service"] {
            let enabled = link(root, "etc/systemd/system/multi-user.target.wants/\(candidate)") != nil
            #expect(enabled == (candidate == unit), "\(candidate)")
        }
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        #expect(passwd.contains("kiosk:x:"))
        let state = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("var/lib/kiosk").path)
        #expect((state[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func rejectsAnUnknownVariant() async throws {
        let root = try scratchRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await install(["--root", root.path, "--variant", "x11"])
        #expect(result.status == 64)
        #expect(
            !FileManager.default.fileExists(
                atPath: root.appendingPathComponent("etc/systemd/system/kiosk.service").path))
    }
}
