import Foundation
import Testing

@testable import KioskTerminal

/// Compares the width table with Python's `wcwidth` over every assigned code point and checks that the classes
/// of disagreement are exactly the ones documented in docs/terminal.md.
///
/// Needs `KIOSK_TEST_PYTHON` (a Python with `wcwidth`, set by scripts/test) and the UCD in /usr/share/unicode
/// (Debian `unicode-data`). Skipped when the variable is unset (plain `swift test`).
@Suite struct WcwidthComparisonTests {
    static let python = ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"]

    /// docs/terminal.md, found relative to this file.
    static var documentation: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/terminal.md")
    }

    /// The class keys in the documented table (first column, in backticks, between the markers).
    static func documentedClasses() throws -> Set<String> {
        let text = try String(contentsOf: documentation, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- wcwidth-classes:begin -->"))
        let end = try #require(text.range(of: "<!-- wcwidth-classes:end -->"))
        var keys: Set<String> = []
        for line in text[begin.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let key = line.dropFirst(3).prefix { $0 != "`" }
            keys.insert(String(key))
        }
        return keys
    }

    /// General categories of assigned code points, from UnicodeData.txt.
    static func assignedCategories() throws -> [UInt32: String] {
        let text = try String(contentsOfFile: "/usr/share/unicode/UnicodeData.txt", encoding: .utf8)
        var result: [UInt32: String] = [:]
        var rangeStart: UInt32?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > 2, let value = UInt32(fields[0], radix: 16) else { continue }
            let category = String(fields[2])
            if fields[1].hasSuffix(", First>") {
                rangeStart = value
            } else if fields[1].hasSuffix(", Last>"), let start = rangeStart {
                for scalar in start...value { result[scalar] = category }
                rangeStart = nil
            } else {
                result[value] = category
            }
        }
        return result
    }

    /// wcwidth's widths for all code points, run-length encoded by the Python helper.
    static func wcwidthWidths(python: String) throws -> (version: String, widths: [Int8]) {
        let script = """
            import sys, wcwidth
            out = [wcwidth.__version__]
            previous = None
            for cp in range(0x110000):
                w = wcwidth.wcwidth(chr(cp))
                if w != previous:
                    out.append("%x %d" % (cp, w))
                    previous = w
            sys.stdout.write("\\n".join(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(python) could not import wcwidth")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        var widths = [Int8](repeating: 1, count: 0x110000)
        var runs: [(Int, Int8)] = []
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ")
            runs.append((Int(parts[0], radix: 16)!, Int8(parts[1])!))
        }
        for (index, run) in runs.enumerated() {
            let end = index + 1 < runs.count ? runs[index + 1].0 : 0x110000
            for cp in run.0..<end { widths[cp] = run.1 }
        }
        return (String(lines.first ?? "?"), widths)
    }

    @Test(.enabled(if: python != nil, "KIOSK_TEST_PYTHON is not set (run scripts/test)"))
    func disagreementsWithWcwidthAreExactlyTheDocumentedClasses() throws {
        let python = try #require(Self.python)
        let (version, theirs) = try Self.wcwidthWidths(python: python)
        var classes: [String: [UInt32]] = [:]
        for (value, category) in try Self.assignedCategories() where category != "Cs" {
            let scalar = try #require(Unicode.Scalar(value))
            let ours = DisplayWidth.of(scalar)
            if ours != Int(theirs[Int(value)]) {
                classes["\(category) \(ours) \(theirs[Int(value)])", default: []].append(value)
            }
        }
        let found = Set(classes.keys)
        let documented = try Self.documentedClasses()
        let examples = classes.sorted { $0.key < $1.key }.map { key, values in
            "\(key): \(values.count) e.g. "
                + values.sorted().prefix(6).map { String($0, radix: 16) }.joined(separator: " ")
        }.joined(separator: "\n")
        #expect(
            found == documented,
            "wcwidth \(version) disagreement classes differ from docs/terminal.md:\n\(examples)"
        )
        // The agreement that matters most for Chinese text.
        for value: UInt32 in [0x4E2D, 0x3001, 0x3002, 0xFF0C, 0x20BB7, 0x1F600, 0x201C, 0x2026, 0x2460, 0x25A0] {
            #expect(DisplayWidth.of(Unicode.Scalar(value)!) == Int(theirs[Int(value)]))
        }
    }
}

/// The committed width table is exactly what scripts/gen-width-table.py generates from the installed UCD.
///
/// Needs `KIOSK_TEST_PYTHON` (any Python 3; set by scripts/test) and Debian's `unicode-data`.
@Suite struct WidthTableFreshnessTests {
    @Test(.enabled(if: WcwidthComparisonTests.python != nil, "KIOSK_TEST_PYTHON is not set (run scripts/test)"))
    func committedTableMatchesTheGenerator() throws {
        let python = try #require(WcwidthComparisonTests.python)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("WidthTable-\(UUID()).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            root.appendingPathComponent("scripts/gen-width-table.py").path, "/usr/share/unicode", "--output",
            output.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let generated = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(
            contentsOf: root.appendingPathComponent("Sources/KioskTerminal/Width/WidthTable.swift"),
            encoding: .utf8
        )
        #expect(generated == committed, "regenerate with scripts/gen-width-table.py and commit the result")
    }
}
