import KioskTerminal

/// Turns terminal input into ``UIAction``s against the controls of the frame on screen: a tap is a
/// press and a release on the same control; arrows and Tab move the focus, Enter activates it; digits
/// press the button showing that digit, or type into the field on entry screens.
package struct InputRouter: Sendable {
    /// The focused control's index in the current frame's controls.
    package var focusIndex: Int?
    private var pressedIndex: Int?

    /// Creates a router with nothing focused.
    package init() {}

    /// Forgets focus and any half-finished tap (the screen changed).
    package mutating func reset(focus: Int? = nil) {
        focusIndex = focus
        pressedIndex = nil
    }

    /// The action `event` asks for, if any.
    ///
    /// - Parameters:
    ///   - event: The terminal event.
    ///   - controls: The controls of the frame on screen, in focus order.
    ///   - acceptsText: Whether the screen has a text field taking typed characters.
    package mutating func route(_ event: InputEvent, controls: [Control], acceptsText: Bool) -> UIAction? {
        switch event {
        case .mouse(let mouse):
            return routeMouse(mouse, controls: controls)
        case .key(let press):
            return routeKey(press.key, controls: controls, acceptsText: acceptsText)
        default:
            return nil
        }
    }

    private mutating func routeMouse(_ mouse: MouseEvent, controls: [Control]) -> UIAction? {
        guard mouse.button == .left else { return nil }
        let hit = controls.lastIndex { $0.frame.contains(mouse.position) }
        switch mouse.kind {
        case .press:
            pressedIndex = hit
            return nil
        case .release:
            defer { pressedIndex = nil }
            guard let hit, hit == pressedIndex else { return nil }
            return controls[hit].action
        }
    }

    private mutating func routeKey(_ key: Key, controls: [Control], acceptsText: Bool) -> UIAction? {
        switch key {
        case .up, .left, .backTab:
            moveFocus(by: -1, count: controls.count)
            return nil
        case .down, .right, .tab:
            moveFocus(by: 1, count: controls.count)
            return nil
        case .enter, .keypadEnter:
            if let focusIndex, controls.indices.contains(focusIndex) { return controls[focusIndex].action }
            return acceptsText ? .submit : nil
        case .escape:
            return .back
        case .backspace, .delete:
            return acceptsText ? .keypad(.delete) : nil
        case .character(let character), .keypad(let character):
            if acceptsText, character.isASCII, character.isLetter || character.isNumber || character == "-" {
                return .keypad(.character(character))
            }
            return controls.first { $0.shortcut == character }?.action
        default:
            return nil
        }
    }

    private mutating func moveFocus(by step: Int, count: Int) {
        guard count > 0 else {
            focusIndex = nil
            return
        }
        guard let current = focusIndex, current < count else {
            focusIndex = step > 0 ? 0 : count - 1
            return
        }
        focusIndex = (current + step + count) % count
    }
}
