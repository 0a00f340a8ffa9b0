import KioskTerminal
import KioskUI
import Testing

/// Paging arithmetic and the list page size per layout.
@Suite struct PagingTests {
    @Test("pages, ranges and clamping")
    func arithmetic() {
        let paging = Paging(pageSize: 3, count: 7)
        #expect(paging.pageCount == 3)
        #expect(paging.range(of: 0) == 0..<3)
        #expect(paging.range(of: 2) == 6..<7)
        #expect(paging.range(of: 9) == 6..<7)
        #expect(Paging(pageSize: 3, count: 0).pageCount == 1)
    }

    @Test("长辈模式 shows fewer items per page than the standard layout", arguments: Fixtures.sizes)
    func elderShowsFewer(size: Size) {
        let area = Rect(x: 2, y: 4, width: size.width - 4, height: size.height - 9)
        let standard = Render.painter(size: size).listPageSize(in: area)
        let elder = Render.painter(size: size, elder: true).listPageSize(in: area)
        #expect(elder <= standard)
        if size.height >= 40 { #expect(elder < standard) }
        #expect(elder <= LayoutMetrics.elder.maxItemsPerPage)
    }
}
