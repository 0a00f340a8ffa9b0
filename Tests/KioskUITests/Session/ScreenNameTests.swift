import KioskUI
import Testing

/// ``Screen/name`` is the one name of a screen (status line, focus resets): one per case, the case's own.
@Suite struct ScreenNameTests {
    /// One screen of each kind that needs no backend data to build, plus the payload-carrying ones the fixtures make.
    static let screens: [Screen] = [
        .home, .reading, .cardExpired, .cardReadFailed, .busy(.listLoading), .failure(.listLoading),
        .caseFiles(page: 2), .detail(Fixtures.detail(Fixtures.row(0))), .end(thanked: true),
        .rating(RatingForm(caseNumber: nil)), .query(QueryForm()),
    ]

    @Test("the name is the case's name, whatever the payload", arguments: screens)
    func nameIsTheCaseName(screen: Screen) {
        // The reflection the shell used before: the payload's label, or the description of a bare case.
        let reflected = Mirror(reflecting: screen).children.first?.label ?? String(describing: screen)
        #expect(screen.name == reflected)
    }

    @Test("no two kinds of screen share a name")
    func namesAreDistinct() {
        let names = Self.screens.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("the name carries no payload, so no personal data")
    func nameCarriesNoPayload() {
        let detail = Screen.detail(Fixtures.detail(Fixtures.row(0)))
        #expect(detail.name == "detail")
        #expect(!detail.name.contains("110105"))
    }
}
