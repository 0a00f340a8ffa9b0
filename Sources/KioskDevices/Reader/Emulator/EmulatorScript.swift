import Foundation

/// A scenario for the SAM emulator, one step per line (`#` starts a comment):
///
/// ```
/// wait 1.5            # seconds
/// place resident      # a sample card name (SampleCards)
/// remove
/// fault garbage       # also: bad-checksum, no-answer [N], read-fail, remove-mid-read, status HH
/// unplug 2            # close the pty, wait 2 s, make a new one behind the same link
/// ```
///
/// `kiosk-devsim` runs scripts from `--script` and the same commands typed on its standard input.
package struct EmulatorScript: Sendable, Hashable {
    /// One step.
    package enum Step: Sendable, Hashable {
        case wait(Duration)
        case place(String)
        case remove
        case fault(EmulatorFault)
        case unplug(Duration)
    }

    /// A line that is not a step.
    package struct ParseError: Error, CustomStringConvertible {
        package let line: Int
        package let text: String
        package var description: String { "script line \(line): cannot understand '\(text)'" }
    }

    package let steps: [Step]

    package init(steps: [Step]) {
        self.steps = steps
    }

    /// Parses a script.
    /// - Throws: ``ParseError`` for the first bad line.
    package init(parsing text: String) throws {
        var steps: [Step] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else { continue }
            guard let step = Self.step(words) else {
                throw ParseError(line: index + 1, text: String(rawLine))
            }
            steps.append(step)
        }
        self.steps = steps
    }

    /// Parses one line's words; `nil` when they are not a step.
    package static func step(_ words: [String]) -> Step? {
        func seconds(_ index: Int) -> Duration? {
            guard words.count > index, let value = Double(words[index]), value >= 0 else { return nil }
            return .milliseconds(Int64(value * 1000))
        }
        switch words.first {
        case "wait": return seconds(1).map(Step.wait)
        case "place":
            guard words.count == 2, SampleCards.named(words[1]) != nil else { return nil }
            return .place(words[1])
        case "remove": return words.count == 1 ? .remove : nil
        case "fault": return EmulatorFault(words: Array(words.dropFirst())).map(Step.fault)
        case "unplug": return .unplug(seconds(1) ?? .seconds(1))
        default: return nil
        }
    }

    /// Performs `step` on `host` (waits sleep on the real clock: this drives a real pty).
    package static func perform(_ step: Step, on host: SAMPTYHost) async throws {
        switch step {
        case .wait(let duration):
            try await Task.sleep(for: duration)
        case .place(let name):
            if let card = SampleCards.named(name) { host.emulator.place(card) }
        case .remove:
            host.emulator.remove()
        case .fault(let fault):
            host.emulator.inject(fault)
        case .unplug(let duration):
            host.unplug()
            try await Task.sleep(for: duration)
            try host.replug()
        }
    }

    /// Runs every step in order.
    package func run(on host: SAMPTYHost) async throws {
        for step in steps {
            try await Self.perform(step, on: host)
        }
    }
}
