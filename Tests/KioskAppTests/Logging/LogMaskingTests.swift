import Foundation
import Logging
import Testing

@testable import KioskApp

@Suite struct LogMaskingTests {
    private func logger(_ sink: MemorySink) -> Logger {
        Logger(label: "kiosk.test") { label in MaskingLogHandler(label: label, sink: sink, level: .trace) }
    }

    @Test func personalNumbersNeverReachTheLogInClear() throws {
        let sink = MemorySink()
        let log = logger(sink)
        let id = "11010519491231002X"
        let phone = "13812345678"
        log.info("card read for \(id), phone \(phone)")
        log.warning("lookup failed", metadata: ["citizen.id": "\(id)", "mail.phone": "\(phone)"])
        log.error("mixed 440106198703150016/13900001111 in text")
        log.notice(
            "masked helpers",
            metadata: [
                "citizen.name": LogValue.name("张晓梅"), "citizen.id": LogValue.idNumber(id),
                "mail.phone": LogValue.phone(phone),
            ])
        let output = sink.lines.joined(separator: "\n")
        #expect(sink.lines.count == 4)
        #expect(output.firstMatch(of: /\d{17}[\dXx]/) == nil, "unmasked ID number in: \(output)")
        #expect(digitRuns(in: output).allSatisfy { $0.count != 11 }, "unmasked phone in: \(output)")
        #expect(!output.contains("张晓梅"))
        #expect(output.contains("110***********002X"))
        #expect(output.contains("138****5678"))
        #expect(output.contains("citizen.name=张*梅"))
    }

    @Test func lineShapeHasLevelLabelMessageAndSortedDottedKeys() {
        let line = MaskingLogHandler.format(
            date: Date(timeIntervalSince1970: 0), level: .warning, label: "kiosk.printer",
            message: "paper low\nnext", metadata: ["printer.queue": "kiosk", "a.b": "x y"], source: "")
        #expect(
            line == "1970-01-01T00:00:00.000Z warning kiosk.printer: paper low next a.b=\"x y\" printer.queue=kiosk")
    }

    @Test func logLevelFilters() {
        let sink = MemorySink()
        var log = logger(sink)
        log.logLevel = .warning
        log.info("hidden")
        log.error("shown")
        #expect(sink.lines.count == 1)
    }
}

/// Maximal runs of ASCII digits in `text`.
func digitRuns(in text: String) -> [Substring] {
    text.split(whereSeparator: { !($0.isASCII && $0.isNumber) })
}

@Suite struct JournalSinkTests {
    @Test func writesNativeJournalEntriesWithPriorityAndMaskedMessage() throws {
        let socket = try NotifySocket(abstract: false)
        let sink = JournalSink(socketPath: socket.address)
        let log = Logger(label: "kiosk.reader") { label in MaskingLogHandler(label: label, sink: sink, level: .info) }
        log.warning("card 11010519491231002X could not be read\nretrying")
        let entry = try #require(socket.receive())
        let fields = entry.split(separator: "\n").map(String.init)
        #expect(fields.contains("PRIORITY=4"))
        #expect(fields.contains("SYSLOG_IDENTIFIER=kiosk"))
        let message = try #require(fields.first { $0.hasPrefix("MESSAGE=") })
        #expect(message.hasSuffix("warning kiosk.reader: card 110***********002X could not be read retrying"))
        #expect(fields.count == 3)
    }
}
