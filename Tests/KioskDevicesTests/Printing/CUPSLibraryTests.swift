import Testing

@testable import KioskDevices

/// libcups is opened at run time; scripts/test installs libcups2, so it must load and resolve.
@Suite struct CUPSLibraryTests {
    @Test func loadsLibcupsAndResolvesEveryFunction() throws {
        let cups = try CUPSLibrary.load()
        let user = try #require(cups.cupsUser())
        #expect(!String(cString: user).isEmpty)
        #expect(cups.ippPort() > 0)
    }
}
