import KioskTerminal
import KioskUI
import Testing

/// Touch, arrows+Enter and digit shortcuts against laid-out controls.
@Suite struct HitTestingTests {
    let controls = [
        Control(action: .startNoCardQuery, frame: Rect(x: 2, y: 20, width: 14, height: 3), shortcut: "1"),
        Control(action: .toggleElderMode, frame: Rect(x: 18, y: 20, width: 14, height: 3), shortcut: "2"),
    ]

    /// A reference wrapper so `#expect` can call the mutating router.
    final class RouterBox {
        var router = InputRouter()
        var focusIndex: Int? { router.focusIndex }
        @discardableResult
        func route(_ event: InputEvent, controls: [Control], acceptsText: Bool) -> UIAction? {
            router.route(event, controls: controls, acceptsText: acceptsText)
        }
    }

    func mouse(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int) -> InputEvent {
        .mouse(MouseEvent(kind: kind, button: .left, position: Point(x: x, y: y)))
    }

    @Test("press and release inside one button is a tap, anywhere in it")
    func tapInside() {
        let router = RouterBox()
        #expect(router.route(mouse(.press, 3, 20), controls: controls, acceptsText: false) == nil)
        #expect(router.route(mouse(.release, 15, 22), controls: controls, acceptsText: false) == .startNoCardQuery)
    }

    @Test("a tap outside every button does nothing")
    func tapOutside() {
        let router = RouterBox()
        router.route(mouse(.press, 16, 21), controls: controls, acceptsText: false)
        #expect(router.route(mouse(.release, 16, 21), controls: controls, acceptsText: false) == nil)
        router.route(mouse(.press, 2, 19), controls: controls, acceptsText: false)
        #expect(router.route(mouse(.release, 2, 19), controls: controls, acceptsText: false) == nil)
    }

    @Test("press on one button and release on another is no tap")
    func slideOff() {
        let router = RouterBox()
        router.route(mouse(.press, 3, 20), controls: controls, acceptsText: false)
        #expect(router.route(mouse(.release, 20, 21), controls: controls, acceptsText: false) == nil)
        // A later release without a press is not a tap either.
        #expect(router.route(mouse(.release, 20, 21), controls: controls, acceptsText: false) == nil)
    }

    @Test("arrows move the focus, wrapping, and Enter activates the focused control")
    func arrowsAndEnter() {
        let router = RouterBox()
        #expect(router.route(.key(KeyPress(.enter)), controls: controls, acceptsText: false) == nil)
        router.route(.key(KeyPress(.down)), controls: controls, acceptsText: false)
        #expect(router.focusIndex == 0)
        router.route(.key(KeyPress(.right)), controls: controls, acceptsText: false)
        #expect(router.route(.key(KeyPress(.enter)), controls: controls, acceptsText: false) == .toggleElderMode)
        router.route(.key(KeyPress(.down)), controls: controls, acceptsText: false)
        #expect(router.focusIndex == 0)
        router.route(.key(KeyPress(.up)), controls: controls, acceptsText: false)
        #expect(router.route(.key(KeyPress(.keypadEnter)), controls: controls, acceptsText: false) == .toggleElderMode)
    }

    @Test("digits press the button showing them, from the main keys or the keypad")
    func digitShortcuts() {
        let router = RouterBox()
        #expect(
            router.route(.key(KeyPress(.character("2"))), controls: controls, acceptsText: false) == .toggleElderMode)
        #expect(router.route(.key(KeyPress(.keypad("1"))), controls: controls, acceptsText: false) == .startNoCardQuery)
        #expect(router.route(.key(KeyPress(.character("7"))), controls: controls, acceptsText: false) == nil)
    }

    @Test("on entry screens digits and letters type, Backspace deletes, Enter submits")
    func typing() {
        let router = RouterBox()
        #expect(
            router.route(.key(KeyPress(.keypad("2"))), controls: controls, acceptsText: true)
                == .keypad(.character("2")))
        #expect(
            router.route(.key(KeyPress(.character("b"))), controls: controls, acceptsText: true)
                == .keypad(.character("b")))
        #expect(router.route(.key(KeyPress(.backspace)), controls: controls, acceptsText: true) == .keypad(.delete))
        #expect(router.route(.key(KeyPress(.enter)), controls: controls, acceptsText: true) == .submit)
        #expect(router.route(.key(KeyPress(.escape)), controls: controls, acceptsText: true) == .back)
    }

    @Test("the maintenance sequence is recognised only when complete and in order")
    func maintenance() {
        var sequence = MaintenanceSequence(keys: [.function(12), .function(12), .keypad("*")])
        do {
            let done = sequence.feed(.function(12))
            #expect(!done)
        }
        do {
            let done = sequence.feed(.keypad("*"))
            #expect(!done)
        }
        do {
            let done = sequence.feed(.function(12))
            #expect(!done)
        }
        do {
            let done = sequence.feed(.function(12))
            #expect(!done)
        }
        do {
            let done = sequence.feed(.keypad("*"))
            #expect(done)
        }
    }
}
