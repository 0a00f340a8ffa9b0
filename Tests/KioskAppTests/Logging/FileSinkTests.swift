import Foundation
import Testing

@testable import KioskApp

/// ``FileSink`` when lines cannot be written: it must drop and count them, never trap.
@Suite struct FileSinkTests {
    /// `/dev/full` fails every write with `ENOSPC`, like a full disk: logging many lines must not
    /// crash the process (`FileHandle.write` traps there) and every line must be counted as lost.
    @Test func aFullDiskDropsAndCountsLines() {
        let sink = FileSink(path: "/dev/full")
        for index in 0..<1000 { sink.write("line \(index)") }
        #expect(sink.lostLines == 1000)
    }

    /// After lines were lost, the next line that is written says how many were lost before it.
    @Test func theLossIsReportedOnceWithTheNextWrittenLine() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let full = DescriptorWriter(descriptor: open("/dev/full", O_WRONLY | O_CLOEXEC), closesOnDeinit: true)
        #expect(!full.write(line: "lost"))
        #expect(full.lostLines == 1)
        // Space returns: the same writer's descriptor now leads into the pipe.
        try #require(dup2(descriptors[1], full.descriptor) >= 0)
        close(descriptors[1])
        #expect(full.write(line: "first"))
        #expect(full.write(line: "second"))
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(descriptors[0], &buffer, buffer.count)
        #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "1 log lines lost\nfirst\nsecond\n")
    }
}
