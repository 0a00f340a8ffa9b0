import Testing

@testable import KioskDevices

@Suite struct RealTimeStatusTests {
    @Test func allClear() {
        let status = RealTimeStatus(printer: 0x16, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12).status
        #expect(status.device == .online)
        #expect(status.paper == .full)
        #expect(status.reasons.isEmpty)
    }

    @Test func paperNearEndAndEnd() {
        #expect(
            RealTimeStatus(printer: 0x16, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x1E).status.paper == .low
        )
        let out = RealTimeStatus(printer: 0x1E, offlineCause: 0x32, errorCause: 0x12, paperSensor: 0x72).status
        #expect(out.paper == .out)
        #expect(out.device == .userError)
        #expect(!out.canPrint)
    }

    @Test func coverOpenAndCutterError() {
        let cover = RealTimeStatus(printer: 0x1E, offlineCause: 0x16, errorCause: 0x12, paperSensor: 0x12).status
        #expect(cover.device == .userError && cover.reasons.contains("cover-open-error"))
        let cutter = RealTimeStatus(printer: 0x1E, offlineCause: 0x52, errorCause: 0x1A, paperSensor: 0x12).status
        #expect(cutter.device == .hardwareError)
    }

    @Test func silentPrinterIsUnknownNotFull() {
        let status = RealTimeStatus().status
        #expect(status.paper == .unknown)
        #expect(status.device == .online)
    }

    @Test(arguments: [(UInt8(0x12), true), (0x16, true), (0x72, true), (0x00, false), (0x13, false), (0x92, false)])
    func answerPattern(byte: UInt8, valid: Bool) {
        #expect(RealTimeStatus.isValidAnswer(byte) == valid)
    }
}
