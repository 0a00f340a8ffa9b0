import Foundation
import KioskTestSupport
import Testing

/// Every unit that starts the kiosk turns glibc's per-thread cache off, so freed memory is always
/// overwritten (rule R5, docs/privacy.md).
@Suite struct HeapHygieneUnitTests {
    @Test(arguments: ["kiosk.service", "kiosk-kmscon.service", "kiosk-cage.service"])
    func unitTurnsTheCacheOff(name: String) throws {
        let unit = try UnitFile(contentsOf: repositoryRoot.appending(path: "systemd/\(name)"))
        #expect(unit.values("Service", "Environment").contains("GLIBC_TUNABLES=glibc.malloc.tcache_count=0"))
    }
}
