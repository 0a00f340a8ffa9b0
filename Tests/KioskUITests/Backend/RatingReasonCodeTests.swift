import KioskUI
import Testing

/// The codes a 差评's reasons are stored under (`Evaluation.reasons`) never change.
@Suite struct RatingReasonCodeTests {
    @Test("every reason keeps the stored code it has always had, in the order offered")
    func rawValues() {
        #expect(
            RatingReason.allCases.map(\.rawValue) == ["slow", "inconvenient", "inaccurate", "device", "attitude", "other"])
    }

    @Test("interpolating a reason writes its stored code, not the case name", arguments: RatingReason.allCases)
    func interpolationIsTheCode(reason: RatingReason) {
        #expect("\(reason)" == reason.rawValue)
        #expect(RatingReason(rawValue: reason.rawValue) == reason)
    }
}
