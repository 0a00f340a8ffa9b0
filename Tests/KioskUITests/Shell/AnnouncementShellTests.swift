import KioskTerminal
import KioskUI
import Synchronization
import Testing

/// The shell asks for the home screen's notices only while idle, at most every
/// `announcementRefresh`, and again each time the home screen returns; `isIdle` is the moment for the
/// gateway's commands.
@Suite struct AnnouncementShellTests {
    final class Source: Sendable {
        let texts = Mutex<[String]>([])
        let calls = Mutex(0)

        func fetch() -> [String] {
            calls.withLock { $0 += 1 }
            return texts.withLock { $0 }
        }
    }

    @Test("notices are fetched at home, refreshed after the interval, never during a session")
    func refreshAndSessions() async {
        let source = Source()
        source.texts.withLock { $0 = ["今日下午窗口暂停服务"] }
        let size = Size(width: 80, height: 24)
        let shell = KioskShell(
            strings: Fixtures.strings, theme: .standard, backend: FakeBackend(),
            config: UIConfig(siteName: "东城区政务服务中心", announcementRefresh: .seconds(10)),
            hooks: ShellHooks(announcements: { source.fetch() }))
        var now = ContinuousClock.now
        #expect(await shell.isIdle)
        #expect(await !shell.frame(size: size).contains("今日下午窗口暂停服务"), "nothing before the first tick")
        await shell.handle(.tick(now: now))
        #expect(source.calls.withLock { $0 } == 1)
        #expect(await shell.frame(size: size).contains("公告：今日下午窗口暂停服务"))

        now = now + .seconds(3)
        await shell.handle(.tick(now: now))
        #expect(source.calls.withLock { $0 } == 1, "not before the refresh interval")

        source.texts.withLock { $0 = [] }
        now = now + .seconds(10)
        await shell.handle(.tick(now: now))
        #expect(source.calls.withLock { $0 } == 2)
        #expect(await !shell.frame(size: size).contains("公告："), "an expired notice disappears")

        await shell.handle(.card(.inserted(Fixtures.citizen("张晓梅"), session: SessionToken(7))))
        #expect(await !shell.isIdle)
        let before = source.calls.withLock { $0 }
        for _ in 0..<3 {
            now = now + .seconds(20)
            await shell.handle(.tick(now: now))
        }
        #expect(source.calls.withLock { $0 } == before, "never asked during a session")

        source.texts.withLock { $0 = ["新公告"] }
        await shell.handle(.card(.removed))
        // The session ends (maybe through the end screen); back home, the notices are asked at once.
        for _ in 0..<40 where await !shell.isIdle {
            now = now + .seconds(1)
            await shell.handle(.tick(now: now))
        }
        #expect(await shell.isIdle)
        now = now + .milliseconds(100)
        await shell.handle(.tick(now: now))
        #expect(await shell.frame(size: size).contains("公告：新公告"))
    }
}
