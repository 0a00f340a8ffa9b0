import KioskTerminal

/// The citizen-facing UI as one object the app drives: feed it ``ShellEvent``s, ask it for frames.
///
/// It owns the ``SessionMachine``, runs the machine's back-end requests against ``SessionBackend`` and
/// feeds the replies back, maps input to actions through the controls of the last frame, and draws the
/// current screen. Because it is an actor, a tick can be handled (and a spinner frame drawn) while a
/// back-end call is outstanding; a reply that arrives after its session ended is dropped by the machine.
package actor KioskShell {
    private let strings: UIStrings
    private let theme: Theme
    private let backend: any SessionBackend
    private let config: UIConfig
    private let hooks: ShellHooks
    private var machine: SessionMachine
    private var router = InputRouter()
    private var maintenance: MaintenanceSequence
    private var controls: [Control] = []
    private var controlsSize: Size?
    private var controlsDirty = true
    private var step = 0
    private var lastScreenKind = ""
    private var overlayWasUp = false
    private var announcements: [String] = []
    private var announcementsFetchedAt: ContinuousClock.Instant?

    /// Creates the shell on the home screen.
    ///
    /// - Parameters:
    ///   - strings: Both catalogs, e.g. `try UIStrings.load(assetsDirectory:)`.
    ///   - theme: ``Theme/standard`` or ``Theme/highContrast``.
    ///   - backend: The app's implementation of the contract.
    ///   - config: Site name, timeouts, demo cards.
    ///   - hooks: Callbacks for maintenance mode, demo cards and session end.
    ///   - maintenanceKeys: The staff key sequence (default ``MaintenanceSequence/defaultKeys``).
    package init(
        strings: UIStrings, theme: Theme, backend: any SessionBackend, config: UIConfig,
        hooks: ShellHooks = ShellHooks(),
        maintenanceKeys: [Key] = MaintenanceSequence.defaultKeys
    ) {
        self.strings = strings
        self.theme = theme
        self.backend = backend
        self.config = config
        self.hooks = hooks
        self.machine = SessionMachine(config: config)
        self.maintenance = MaintenanceSequence(keys: maintenanceKeys)
    }

    /// The screen on show (for `STATUS=` notifications and tests).
    package var screen: Screen { machine.screen }

    /// A copy of the state machine (for tests and diagnostics).
    package var state: SessionMachine { machine }

    /// `true` on the home screen with no citizen session: the moment for the gateway's commands.
    package var isIdle: Bool { machine.screen == .home && machine.session == nil }

    /// The controls of the current frame at `size` (for tests and diagnostics).
    package func currentControls(size: Size) -> [Control] {
        layoutIfNeeded(size: size)
        return controls
    }

    /// Handles one event: input, a card event or a tick. Returns after the machine settled, including any
    /// back-end calls the event started.
    package func handle(_ event: ShellEvent) async {
        switch event {
        case .tick(let now):
            step &+= 1
            await apply(.tick(now: now))
            await refreshAnnouncements(now: now)
        case .card(let card):
            switch card {
            case .reading: await apply(.cardReading)
            case .inserted(let summary, let session): await apply(.cardInserted(summary, session: session))
            case .readFailed: await apply(.cardReadFailed)
            case .removed: await apply(.cardRemoved)
            }
        case .input(let input, let now):
            await apply(.activity(now: now))
            if case .key(let press) = input, machine.screen == .home, machine.session == nil,
                maintenance.feed(press.key)
            {
                await hooks.maintenanceRequested()
                return
            }
            if let size = controlsSize { layoutIfNeeded(size: size) }
            let acceptsText = machine.screen.acceptsTextEntry && !machine.isCountingDown
            let action = router.route(input, controls: controls, acceptsText: acceptsText)
            if let action { await apply(.action(action)) }
        }
    }

    /// Draws the current screen into `buffer` (its size is the terminal's size).
    package func render(into buffer: inout CellBuffer) {
        var painter = makePainter(size: buffer.size)
        ScreenRenderer.draw(
            ScreenInput(machine: machine, config: config, step: step, announcements: announcements), into: &painter)
        buffer = painter.canvas.buffer
        controls = painter.controls
        controlsSize = buffer.size
        controlsDirty = false
    }

    /// Draws the current screen into a new buffer of `size`.
    package func frame(size: Size) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        render(into: &buffer)
        return buffer
    }

    // MARK: - Internals

    /// Asks for the home screen's notices when it is idle and they are older than
    /// ``UIConfig/announcementRefresh`` (or the home screen just came back).
    private func refreshAnnouncements(now: ContinuousClock.Instant) async {
        guard isIdle else {
            announcementsFetchedAt = nil
            return
        }
        if let fetched = announcementsFetchedAt, fetched.duration(to: now) < config.announcementRefresh { return }
        announcementsFetchedAt = now
        let fresh = await hooks.announcements()
        if fresh != announcements {
            announcements = fresh
            controlsDirty = true
        }
    }

    private func apply(_ event: SessionEvent) async {
        let effects = machine.handle(event)
        noteStateChange()
        for effect in effects {
            await run(effect)
        }
    }

    private func run(_ effect: SessionEffect) async {
        switch effect {
        case .request(let request, let generation):
            let response = await perform(request)
            await apply(.response(response, generation: generation))
        case .endSession(let token):
            await backend.endSession(token)
        case .sessionEnded:
            router.reset()
            await hooks.sessionEnded()
        case .demoPlaceCard(let index):
            await hooks.placeDemoCard(index)
        case .demoRemoveCard:
            await hooks.removeDemoCard()
        }
    }

    private func perform(_ request: BackendRequest) async -> BackendResponse {
        switch request {
        case .caseFiles(let token):
            return .caseFiles(try? await backend.caseFiles(session: token))
        case .query(let number, let password):
            do {
                return .query(try await backend.query(number: number, password: password), failed: false)
            } catch {
                return .query(nil, failed: true)
            }
        case .detail(let number, let token):
            return .detail(try? await backend.detail(number: number, session: token))
        case .printSlip(let number, let token):
            return .printSlip(await backend.printSlip(number: number, session: token))
        case .mailDefaults(let number, let token):
            return .mailDefaults(try? await backend.mailDefaults(number: number, session: token))
        case .submitMail(let draft, let token):
            return .submitMail(await backend.submitMail(draft, session: token))
        case .printMailReceipt(let receipt, let token):
            return .printMailReceipt(await backend.printMailReceipt(receipt, session: token))
        case .submitEvaluation(let evaluation, let token):
            return .submitEvaluation(await backend.submitEvaluation(evaluation, session: token))
        }
    }

    /// Resets focus when the screen (not just its contents) changes, and focuses 继续 when the idle
    /// countdown comes up.
    private func noteStateChange() {
        controlsDirty = true
        let kind = machine.screen.name
        if kind != lastScreenKind {
            lastScreenKind = kind
            router.reset()
        }
        let overlay = machine.isCountingDown
        if overlay != overlayWasUp {
            overlayWasUp = overlay
            router.reset(focus: overlay ? 0 : nil)
        }
    }

    private func layoutIfNeeded(size: Size) {
        guard controlsDirty || controlsSize != size else { return }
        _ = frame(size: size)
    }

    private func makePainter(size: Size) -> ScreenPainter {
        let context = RenderContext(
            strings: strings, language: machine.language, theme: machine.highContrast ? .highContrast : theme,
            metrics: .resolve(elder: machine.elderMode, width: size.width, height: size.height))
        return ScreenPainter(size: size, context: context, focusIndex: router.focusIndex)
    }
}
