import Foundation

/// Decodes QR codes in images with `zbarimg --nodbus --raw -q` (zbar-tools), as a phone would.
enum ZBar {
    static let executable = "/usr/bin/zbarimg"

    /// The decoded payloads in `pbm`, or `nil` when zbarimg finds no symbol (exit code 4).
    static func decode(pbm: [UInt8]) throws -> String? {
        let file = TestFiles.temporaryDirectory().appendingPathComponent("qr.pbm")
        try Data(pbm).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--nodbus", "--raw", "-q", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 4 { return nil }
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: ["zbarimg exit": process.terminationStatus])
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Temporary files for tests, under KIOSK_TEST_TMPDIR when scripts/test sets it.
enum TestFiles {
    static func temporaryDirectory() -> URL {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("printing-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
