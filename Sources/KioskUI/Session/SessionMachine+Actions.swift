import KioskCore

extension SessionMachine {
    /// Carries out a citizen action on the current screen; actions that make no sense there are ignored.
    mutating func perform(_ action: UIAction) -> [SessionEffect] {
        switch action {
        case .toggleElderMode:
            elderMode.toggle()
            return []
        case .toggleHighContrast:
            highContrast.toggle()
            return []
        case .toggleLanguage:
            language = language.toggled
            return []
        case .demoPlaceCard(let index):
            guard config.demoCards.indices.contains(index) else { return [] }
            return [.demoPlaceCard(index: index)]
        case .demoRemoveCard:
            return config.demoCards.isEmpty ? [] : [.demoRemoveCard]
        case .end:
            if session == nil, screen != .home { return endSession(showEndScreen: false) }
            return finishOrRate(notice: nil)
        case .home:
            if session != nil || awaiting != nil { return endSession(showEndScreen: false) }
            screen = .home
            markShown()
            return []
        default:
            break
        }
        switch screen {
        case .home:
            if action == .startNoCardQuery {
                screen = .query(QueryForm())
                markShown()
            }
            return []
        case .cardExpired, .cardReadFailed:
            if action == .back { return leaveToHome() }
            return []
        case .failure:
            if action == .back { return session == nil ? leaveToHome() : goBack() }
            return []
        case .caseFiles:
            return caseFilesAction(action)
        case .detail(let detail):
            return detailAction(action, detail: detail)
        case .printResult(let outcome, let context):
            switch action {
            case .finish: return finishOrRate(notice: nil)
            case .back where context == .slip: return goBack()
            case .printSlip where context == .slip && outcome == .failed: return detailAction(.printSlip, detail: nil)
            default: return []
            }
        case .mailPhone(let draft, let entry, _):
            return mailPhoneAction(action, draft: draft, entry: entry)
        case .mailAddress(let draft):
            switch action {
            case .chooseAddress(let id) where draft.addressOptions.contains(where: { $0.id == id }):
                var chosen = draft
                chosen.selectedAddressID = id
                session?.mailDraft = chosen
                screen = .mailSummary(chosen, error: nil)
                markShown()
            case .back:
                screen = .mailPhone(draft, TextEntry(kind: .digits, maxLength: 11, text: draft.phone), error: nil)
                markShown()
            default:
                break
            }
            return []
        case .mailSummary(let draft, _):
            switch action {
            case .submit:
                guard let token = session?.token else { return [] }
                return request(.submitMail(draft, token), awaiting: .submitMail, message: .mailSubmitting)
            case .back:
                screen = .mailAddress(draft)
                markShown()
            default:
                break
            }
            return []
        case .mailDone(let receipt, _):
            switch action {
            case .printMailReceipt:
                guard let token = session?.token else { return [] }
                return request(.printMailReceipt(receipt, token), awaiting: .printMailReceipt, message: .printPrinting)
            case .finish:
                return finishOrRate(notice: nil)
            case .back:
                return goBack()
            default:
                return []
            }
        case .rating(let form):
            return ratingAction(action, form: form)
        case .end:
            return []
        case .query(let form):
            return queryAction(action, form: form)
        case .reading, .busy:
            return []
        }
    }

    // MARK: - Screens

    private mutating func caseFilesAction(_ action: UIAction) -> [SessionEffect] {
        switch action {
        case .showPage(let page):
            screen = .caseFiles(page: max(0, page))
            markShown()
            return []
        case .openCaseFile(let number):
            guard let token = session?.token, session?.caseFiles?.contains(where: { $0.number == number }) == true
            else { return [] }
            return request(.detail(number: number, token), awaiting: .detail, message: .detailLoading)
        case .back:
            return finishOrRate(notice: nil)
        default:
            return []
        }
    }

    private mutating func detailAction(_ action: UIAction, detail: CaseFileDetail?) -> [SessionEffect] {
        guard let token = session?.token, let detail = detail ?? session?.detail else { return [] }
        switch action {
        case .printSlip:
            return request(.printSlip(number: detail.row.number, token), awaiting: .printSlip, message: .printPrinting)
        case .requestMail where detail.row.canMail:
            return request(
                .mailDefaults(number: detail.row.number, token), awaiting: .mailDefaults, message: .mailLoading)
        case .back:
            return goBack()
        default:
            return []
        }
    }

    private mutating func mailPhoneAction(_ action: UIAction, draft: MailDraft, entry: TextEntry) -> [SessionEffect] {
        var entry = entry
        switch action {
        case .keypad(let key):
            entry.apply(key)
            screen = .mailPhone(draft, entry, error: nil)
        case .submit:
            if let problem = StringKey.phoneProblem(entry.text) {
                screen = .mailPhone(draft, entry, error: problem)
                return []
            }
            var updated = draft
            updated.phone = entry.text
            if updated.selectedAddressID == nil, updated.addressOptions.count == 1 {
                updated.selectedAddressID = updated.addressOptions[0].id
            }
            session?.mailDraft = updated
            screen = .mailAddress(updated)
            markShown()
        case .back:
            return goBack()
        default:
            break
        }
        return []
    }

    private mutating func ratingAction(_ action: UIAction, form: RatingForm) -> [SessionEffect] {
        var form = form
        switch action {
        case .rate(let level) where form.level == nil:
            form.level = level
            form.error = nil
            if !level.isNegative { return submitRating(form) }
            screen = .rating(form)
        case .toggleReason(let reason) where form.level?.isNegative == true && !form.askingPhone:
            if let index = form.reasons.firstIndex(of: reason) {
                form.reasons.remove(at: index)
            } else {
                form.reasons.append(reason)
                form.reasons = RatingReason.allCases.filter(form.reasons.contains)
            }
            form.error = nil
            screen = .rating(form)
        case .keypad(let key) where form.askingPhone:
            form.callbackPhone.apply(key)
            form.error = nil
            screen = .rating(form)
        case .submit:
            guard let level = form.level, level.isNegative else { return [] }
            if form.reasons.isEmpty {
                form.error = .ratingNeedReason
                screen = .rating(form)
                return []
            }
            if !form.askingPhone {
                form.askingPhone = true
                screen = .rating(form)
                return []
            }
            // The callback phone is optional, but one that is typed must be a mobile number.
            if !form.callbackPhone.text.isEmpty, let problem = StringKey.phoneProblem(form.callbackPhone.text) {
                form.error = problem
                screen = .rating(form)
                return []
            }
            return submitRating(form)
        case .back:
            if form.askingPhone {
                form.askingPhone = false
                form.error = nil
            } else {
                form.level = nil
                form.reasons = []
                form.callbackPhone.clear()
                form.error = nil
            }
            screen = .rating(form)
        case .skipRating:
            session?.rated = true
            return endSession(showEndScreen: true)
        default:
            break
        }
        return []
    }

    private mutating func submitRating(_ form: RatingForm) -> [SessionEffect] {
        guard let level = form.level, let token = session?.token else { return [] }
        let phone = form.callbackPhone.text
        let evaluation = EvaluationDraft(
            caseNumber: form.caseNumber, level: level,
            reasons: level.isNegative ? form.reasons : [],
            callbackPhone: level.isNegative && !phone.isEmpty ? phone : nil)
        return request(.submitEvaluation(evaluation, token), awaiting: .submitEvaluation, message: .ratingSubmitting)
    }

    private mutating func queryAction(_ action: UIAction, form: QueryForm) -> [SessionEffect] {
        var form = form
        switch action {
        case .keypad(let key):
            if form.focusedField == 0 { form.number.apply(key) } else { form.password.apply(key) }
            form.error = nil
            screen = .query(form)
        case .focusField(let field):
            form.focusedField = field == 0 ? 0 : 1
            screen = .query(form)
        case .submit:
            if form.focusedField == 0 || form.password.text.isEmpty {
                guard !form.number.text.isEmpty else { return [] }
                form.focusedField = 1
                screen = .query(form)
                return []
            }
            guard !form.number.text.isEmpty else {
                form.focusedField = 0
                screen = .query(form)
                return []
            }
            return request(
                .query(number: form.number.text, password: form.password.text), awaiting: .query,
                message: .queryLoading)
        case .back:
            screen = .home
            markShown()
        default:
            break
        }
        return []
    }

    // MARK: - Navigation helpers

    /// Goes one level up from the current screen, ending a no-card session when there is nothing above.
    private mutating func goBack() -> [SessionEffect] {
        if let detail = session?.detail, !isDetailScreen {
            screen = .detail(detail)
        } else if session?.caseFiles != nil {
            screen = .caseFiles(page: 0)
        } else {
            return finishOrRate(notice: nil)
        }
        markShown()
        return []
    }

    private var isDetailScreen: Bool {
        if case .detail = screen { return true }
        return false
    }

    private mutating func leaveToHome() -> [SessionEffect] {
        if session != nil { return endSession(showEndScreen: false) }
        screen = .home
        markShown()
        return []
    }

    /// Opens the rating screen when the session completed a transaction and has not rated yet;
    /// otherwise ends the session.
    mutating func finishOrRate(notice: StringKey?) -> [SessionEffect] {
        guard let session else {
            screen = .home
            markShown()
            return []
        }
        if !session.completed.isEmpty && !session.rated {
            var form = RatingForm(caseNumber: session.completed.last)
            form.notice = notice
            screen = .rating(form)
            markShown()
            return []
        }
        return endSession(showEndScreen: true)
    }
}

extension TextEntry {
    /// Applies a keypad key to the field.
    mutating func apply(_ key: KeypadKey) {
        switch key {
        case .character(let character): insert(character)
        case .delete: deleteBackward()
        case .clear: clear()
        case .toggleLetters: showsLetters.toggle()
        }
    }
}
