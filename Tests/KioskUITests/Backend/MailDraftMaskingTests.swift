import KioskTerminal
import KioskUI
import Testing

/// The full mail address is drawn on the citizen's own summary and nowhere else: the choice screen,
/// `description`, `debugDescription`, `dump` and string interpolation show the masked text only.
@Suite struct MailDraftMaskingTests {
    static let full = "内蒙古自治区呼和浩特市新城区新华大街1号院3单元502室"
    static let masked = "内蒙古自治区呼和浩特市新城区****"

    static func draft() -> MailDraft {
        MailDraft(
            caseNumber: "BJ-1", recipientMaskedName: "吴*", phone: "13812345678",
            addressOptions: [AddressOption(id: "c", source: .idCard, maskedText: masked, fullText: full)],
            selectedAddressID: "c")
    }

    @Test("description, debugDescription, dump and interpolation of an option and a draft are masked")
    func textualViewsAreMasked() throws {
        let draft = Self.draft()
        let option = try #require(draft.selectedAddress)
        var dumped = ""
        dump(draft, to: &dumped)
        var dumpedOption = ""
        dump(option, to: &dumpedOption)
        let views = [
            "\(draft)", String(describing: draft), String(reflecting: draft), draft.debugDescription, dumped,
            "\(option)", String(reflecting: option), dumpedOption, "\([option])",
            "\(Screen.mailSummary(draft, error: nil))",
        ]
        for view in views {
            #expect(!view.contains("新华大街"), "full address in: \(view)")
            #expect(!view.contains("13812345678"), "full phone in: \(view)")
            #expect(view.contains(Self.masked), "masked address missing in: \(view)")
        }
    }

    @Test("the mail summary shows the full address; the address choice shows it masked")
    func summaryShowsTheFullAddress() throws {
        let machines = Dictionary(uniqueKeysWithValues: ScreenRenderingTests.machines())
        let summary = try #require(machines["mail summary"])
        let choice = try #require(machines["mail address"])
        for size in [Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            var painter = Render.painter(size: size)
            ScreenRenderer.draw(ScreenInput(machine: summary, config: summary.config, step: 0), into: &painter)
            #expect(painter.canvas.buffer.contains(Self.full), "\(size): \(painter.canvas.buffer.text)")
            #expect(!painter.canvas.buffer.contains(Self.masked))
            #expect(!painter.canvas.buffer.contains("13812345678"))
            painter = Render.painter(size: size)
            ScreenRenderer.draw(ScreenInput(machine: choice, config: choice.config, step: 0), into: &painter)
            #expect(painter.canvas.buffer.contains(Self.masked))
            #expect(!painter.canvas.buffer.contains("新华大街"))
        }
    }
}
