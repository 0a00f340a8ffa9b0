import Foundation
import KioskCore
import Testing

/// The citizen's whole journey through the real `kiosk run` in a real pseudo-terminal: card → list →
/// detail → mail request → receipt through the private cupsd → rating → end → home, with nothing of
/// the citizen left on screen.
@Suite(
    .enabled(
        if: PTYScreen.isAvailable && ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_SERVER"] != nil,
        "needs KIOSK_TEST_PYTHON and the CUPS fixture (scripts/test provides both)"))
struct JourneyTests {
    private let environment = ProcessInfo.processInfo.environment

    @Test func cardToMailReceiptToRatingAndBackHome() async throws {
        let state = try E2E.stateDirectory()
        let captureDirectory = try #require(environment["KIOSK_TEST_CUPS_CAPTURE_DIR"])
        let config = try E2E.writeConfig(
            """
            [site]
            name = "测试市政务服务中心"
            terminal_id = "E2E-01"
            [reader]
            driver = "simulator"
            [printer]
            driver = "cups"
            queue = "\(try #require(environment["KIOSK_TEST_CUPS_QUEUE"]))"
            cups_server = "\(try #require(environment["KIOSK_TEST_CUPS_SERVER"]))"
            profile = "80mm"
            """,
            in: state)
        let seeded = try await KioskProcess.run(["data", "seed-demo", "--state-directory", state])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let jobsBefore = Set(try FileManager.default.contentsOfDirectory(atPath: captureDirectory))

        let result = try await PTYScreen().run(
            [E2E.kiosk, "run", "--config", config.path, "--state-directory", state],
            actions: [
                .wait("请将身份证放在读卡区"),
                .tap("李建国"),
                .wait("我的办件"),
                .snapshot("list"),
                .tap("可邮寄"),
                .wait("办件详情"),
                .tap("免费邮寄"),
                .wait("请输入收件人手机号码"),
                .send("13812345678"),
                .tap("下一步"),
                .wait("请选择邮寄地址"),
                .tap("登记地址"),
                .wait("请核对邮寄信息"),
                .snapshot("summary"),
                .tap("提交申请"),
                .wait("邮寄申请已提交"),
                .tap("打印邮寄凭条"),
                .wait("请对本次服务进行评价", timeout: 30),
                .snapshot("rating"),
                .tap("2 满意"),
                .wait("请取走身份证和凭条"),
                .snapshot("end"),
                .wait("请将身份证放在读卡区", timeout: 30),
                .sleep(0.5),
                .snapshot("home"),
                .signal("TERM"),
                .waitExit(10),
            ])
        #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
        #expect(result.exitCode == 0)
        #expect(result.termiosRestored)

        let list = try result.snapshot("list")
        #expect(list.text.contains("李*国") && list.text.contains("440***********0016"))
        let summary = try result.snapshot("summary")
        #expect(summary.text.contains("138****5678"), "the phone is shown masked on the summary")
        #expect(!summary.text.contains("13812345678"))
        #expect(try result.snapshot("rating").text.contains("跳过"), "skipping a rating must always be possible")

        // Back home: nothing of the citizen on screen.
        for name in ["end", "home"] {
            let text = try result.snapshot(name).text
            for personal in ["李*国", "440***", "DEMO-LJG", "食品经营", "138****5678", "天河区"] {
                #expect(!text.contains(personal), "\(name) screen still shows \(personal)")
            }
        }

        // The receipt went through CUPS: one new captured job, masked, with the 办件编号.
        let jobsAfter = Set(try FileManager.default.contentsOfDirectory(atPath: captureDirectory))
        let newJobs = jobsAfter.subtracting(jobsBefore)
        #expect(newJobs.count == 1, "expected one printed receipt, got \(newJobs)")
        if let job = newJobs.first {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: captureDirectory).appending(path: job))
            #expect(bytes.range(of: Data("DEMO-LJG-0002".utf8)) != nil)
            #expect(bytes.range(of: Data("138****5678".utf8)) != nil)
            #expect(bytes.range(of: Data("13812345678".utf8)) == nil, "full phone number on paper")
            #expect(bytes.range(of: Data("440106198703150016".utf8)) == nil, "full ID number on paper")
            #expect(bytes.starts(with: [0x1B, 0x40]), "receipt starts with ESC @")
        }

        // Stored exactly once, with the rating.
        let database = try AppDatabase.open(directory: state)
        let requests = try await database.mailRequests()
        #expect(requests.map(\.caseNumber) == ["DEMO-LJG-0002"])
        #expect(requests.first?.phone == "13812345678")
        let ratings = try await database.evaluations()
        #expect(ratings.map(\.caseNumber) == ["DEMO-LJG-0002"])
        #expect(ratings.first?.level == .satisfied)
        #expect(ratings.first?.channel == 5)
    }
}
