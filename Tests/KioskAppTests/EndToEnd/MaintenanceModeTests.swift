import Foundation
import KioskCore
import Testing

/// Maintenance mode through the real binary: the key sequence on the home screen, a wrong and a
/// right PIN, the status screen, the mail export to a "USB stick", and every step in the audit log.
@Suite(.enabled(if: PTYScreen.isAvailable, "needs KIOSK_TEST_PYTHON (scripts/test sets it)"))
struct MaintenanceModeTests {
    @Test func sequencePinStatusExportAndExitAreAudited() async throws {
        let state = try E2E.stateDirectory()
        let usb = URL(fileURLWithPath: state).appending(path: "usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        let pin = PinHash(hashing: "778899", iterations: 1_000)
        let config = try E2E.writeConfig(
            E2E.simulatorConfig + """
                [maintenance]
                pin_hash = "\(pin)"
                export_directory = "\(usb.path)"
                """,
            in: state)
        let seeded = try await KioskProcess.run([
            "mail", "submit-demo", "--count", "2", "--prefix", "U", "--state-directory", state,
        ])
        #expect(seeded.status == 0)

        let f12 = "\u{1B}[24~"
        let keypadStar = "\u{1B}Oj"
        let result = try await PTYScreen().run(
            [E2E.kiosk, "run", "--config", config.path, "--state-directory", state],
            actions: [
                .wait("请将身份证放在读卡区"),
                .send(f12 + f12 + f12 + keypadStar + keypadStar),
                .wait("请输入管理员PIN"),
                .send("1234\r"),
                .wait("还可尝试4次"),
                .send("778899\r"),
                .wait("读卡器 reader"),
                .snapshot("menu"),
                .send("3"),
                .wait("已导出"),
                .snapshot("exported"),
                .send("4"),
                .wait("读卡器正在重新连接"),
                .sleep(1.5),
                .send("1"),
                .wait("状态已刷新"),
                .snapshot("refreshed"),
                .send("0"),
                .wait("请将身份证放在读卡区"),
                .signal("TERM"),
                .waitExit(10),
            ])
        #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
        let menu = try result.snapshot("menu").text
        for part in ["读卡器", "打印机", "数据库", "磁盘", "待同步"] {
            #expect(menu.contains(part), "status screen lacks \(part)")
        }
        #expect(!menu.contains("778899"))

        let files = try FileManager.default.contentsOfDirectory(atPath: usb.path).filter { $0.hasPrefix("mail-") }
        #expect(files.count == 1)
        if let file = files.first {
            let path = usb.appending(path: file).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).count == 3)
        }

        #expect(
            try result.snapshot("refreshed").text.contains("device=online"), "the reader came back after reconnecting")
        let audit = try await AppDatabase.open(directory: state).auditEvents().filter { $0.event.hasPrefix("admin.") }
        #expect(Set(audit.compactMap(\.detail)).isSuperset(of: ["mail.export", "devices.reconnect"]))
        let events = audit.map { "\($0.event) \($0.outcome)" }
        #expect(events.contains("admin.login failure"))
        #expect(events.contains("admin.login success"))
        #expect(events.contains("admin.action success"))
        #expect(events.contains("admin.exit success"))
    }
}
