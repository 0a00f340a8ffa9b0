import KioskUI
import Testing

/// The codes a 差评's reasons are stored under (`Evaluation.reasons`) never change.
@Suite struct RatingReasonCodeTests {
    @Test("every reason keeps the stored code it has always had, in the order offered")
    func rawValues() {
        let codes = ["slow", "inconvenient", "inaccurate", "device", "attitude", "other"]
        #expect(RatingReason.allCases.map(\.rawValue) == codes)
    }

    @Test("interpolating a reason writes its stored code, not the case name", arguments: RatingReason.allCases)
    func interpolationIsTheCode(reason: RatingReason) {
        #expect("\(reason)" == reason.rawValue)
        #expect(RatingReason(rawValue: reason.rawValue) == reason)
    }
}
