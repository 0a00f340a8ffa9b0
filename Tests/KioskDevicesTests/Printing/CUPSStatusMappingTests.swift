import Testing

@testable import KioskDevices

@Suite struct CUPSStatusMappingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var state: Int
        var reasons: [String]
        var device: DeviceState
        var paper: PaperState
        var testDescription: String { "\(state) \(reasons)" }
    }

    @Test(arguments: [
        Case(state: 3, reasons: ["none"], device: .online, paper: .unknown),
        Case(state: 4, reasons: ["none"], device: .deviceBusy, paper: .unknown),
        Case(state: 4, reasons: ["media-low-report"], device: .deviceBusy, paper: .low),
        Case(state: 3, reasons: ["media-low-warning"], device: .online, paper: .low),
        Case(state: 5, reasons: ["media-empty-error", "paused"], device: .userError, paper: .out),
        Case(state: 3, reasons: ["media-empty-error"], device: .userError, paper: .out),
        Case(state: 5, reasons: ["media-needed"], device: .userError, paper: .out),
        Case(state: 5, reasons: ["cover-open-error"], device: .userError, paper: .unknown),
        Case(state: 5, reasons: ["media-jam-error"], device: .hardwareError, paper: .jammed),
        Case(state: 5, reasons: ["paused"], device: .offline, paper: .unknown),
        Case(state: 3, reasons: ["offline-report"], device: .offline, paper: .unknown),
        Case(state: 4, reasons: ["connecting-to-device"], device: .offline, paper: .unknown),
        Case(state: 3, reasons: ["other-error"], device: .hardwareError, paper: .unknown),
    ])
    func mapsStateAndReasons(_ example: Case) {
        let status = CUPSStatusMapping.status(
            state: example.state,
            reasons: example.reasons,
            message: nil,
            acceptingJobs: true
        )
        #expect(status.device == example.device)
        #expect(status.paper == example.paper)
        #expect(!status.reasons.contains("none"))
    }

    @Test func processingIsBusyNotOfflineAndCanPrint() {
        let status = CUPSStatusMapping.status(state: 4, reasons: [], message: "", acceptingJobs: true)
        #expect(status.device == .deviceBusy)
        #expect(status.canPrint)
        #expect(status.message == nil)
    }

    @Test func notAcceptingCannotPrint() {
        #expect(!CUPSStatusMapping.status(state: 3, reasons: [], message: nil, acceptingJobs: false).canPrint)
    }
}
