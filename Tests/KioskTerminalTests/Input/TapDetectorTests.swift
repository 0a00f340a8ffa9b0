import Testing

@testable import KioskTerminal

/// Press + release on the same cell is a tap; elsewhere, other buttons and quick repeats are not.
@Suite struct TapDetectorTests {
    static func press(_ x: Int, _ y: Int, _ button: MouseEvent.Button = .left) -> MouseEvent {
        MouseEvent(kind: .press, button: button, position: Point(x: x, y: y))
    }

    static func release(_ x: Int, _ y: Int, _ button: MouseEvent.Button = .left) -> MouseEvent {
        MouseEvent(kind: .release, button: button, position: Point(x: x, y: y))
    }

    @Test func pressAndReleaseOnTheSameCellIsATap() {
        var detector = TapDetector()
        #expect(detector.feed(Self.press(3, 4), now: .zero) == nil)
        #expect(detector.feed(Self.release(3, 4), now: .milliseconds(80)) == Point(x: 3, y: 4))
    }

    @Test func releaseElsewhereIsNoTap() {
        var detector = TapDetector()
        _ = detector.feed(Self.press(3, 4), now: .zero)
        #expect(detector.feed(Self.release(4, 4), now: .milliseconds(80)) == nil)
        #expect(detector.feed(Self.release(3, 4), now: .milliseconds(90)) == nil)  // no press pending any more
    }

    @Test func otherButtonsAreIgnored() {
        var detector = TapDetector()
        _ = detector.feed(Self.press(1, 1, .right), now: .zero)
        #expect(detector.feed(Self.release(1, 1, .right), now: .milliseconds(50)) == nil)
    }

    @Test func tapsWithinTheDebounceAreDropped() {
        var detector = TapDetector(debounce: .milliseconds(200))
        _ = detector.feed(Self.press(1, 1), now: .zero)
        #expect(detector.feed(Self.release(1, 1), now: .milliseconds(10)) != nil)
        _ = detector.feed(Self.press(1, 1), now: .milliseconds(100))
        #expect(detector.feed(Self.release(1, 1), now: .milliseconds(150)) == nil)
        _ = detector.feed(Self.press(1, 1), now: .milliseconds(300))
        #expect(detector.feed(Self.release(1, 1), now: .milliseconds(320)) == Point(x: 1, y: 1))
    }
}
