import KioskTerminal

/// One frame being drawn: a full-screen canvas, the render context, and the controls laid out so far
/// (in drawing order, which is also the focus order).
package struct ScreenPainter: Sendable {
    /// The frame's canvas; coordinates are screen cells.
    package var canvas: Canvas
    /// Strings, theme and metrics.
    package let context: RenderContext
    /// Controls registered while drawing, in focus order.
    package private(set) var controls: [Control] = []
    /// The index (in ``controls``) of the focused control, if any.
    package let focusIndex: Int?

    /// Starts a frame of `size`, cleared to the theme's body style.
    package init(size: Size, context: RenderContext, focusIndex: Int?) {
        self.canvas = Canvas(size: size, style: context.theme.body)
        self.context = context
        self.focusIndex = focusIndex
    }

    /// The whole screen.
    package var bounds: Rect { canvas.bounds }

    /// Whether the next registered control will be the focused one.
    package var nextControlIsFocused: Bool { focusIndex == controls.count }

    /// Registers a control drawn at `frame` (clipped to the screen; controls fully off-screen are dropped).
    package mutating func register(_ action: UIAction, frame: Rect, shortcut: Character? = nil) {
        let visible = frame.intersection(bounds)
        guard !visible.isEmpty else { return }
        controls.append(Control(action: action, frame: visible, shortcut: shortcut))
    }

    /// Forgets the controls registered so far (a modal dialog drawn over the screen owns the input).
    package mutating func dropControls() {
        controls.removeAll()
    }

    /// Draws one line of text at `point`, clipped to `width` columns (no wide glyph is split).
    @discardableResult
    package mutating func text(_ text: String, at point: Point, width: Int? = nil, style: Style) -> Int {
        let room = width ?? (bounds.width - point.x)
        let clipped = context.breaker.truncate(text, maxWidth: room)
        return canvas.withClip(Rect(x: point.x, y: point.y, width: max(0, room), height: 1)) { line in
            line.text(clipped, at: .zero, style: style)
        }
    }

    /// Draws `text` centred on row `y` of `rect`.
    package mutating func centredText(_ text: String, in rect: Rect, row y: Int, style: Style) {
        let clipped = context.breaker.truncate(text, maxWidth: rect.width)
        let width = context.breaker.displayWidth(clipped)
        let x = rect.minX + max(0, (rect.width - width) / 2)
        self.text(clipped, at: Point(x: x, y: y), width: rect.maxX - x, style: style)
    }

    /// Fills `rect` with blanks in `style`.
    package mutating func fill(_ rect: Rect, style: Style) {
        canvas.fill(rect, style: style)
    }
}
