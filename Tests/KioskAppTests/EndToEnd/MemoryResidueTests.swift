import Foundation
import Glibc
import KioskTestSupport
import Testing

/// Rule R5, measured: the real `kiosk run` reads a card from the SAM emulator over a pty, the session
/// ends (card removed, 结束, idle timeout), and a core dump of the running kiosk (`gcore`, run by the
/// pty driver, the kiosk's parent) holds no copy of the holder's ID number, name or address in UTF-8,
/// UTF-16LE (the card's own encoding) or GB18030 (the printer's).
///
/// A dump taken while the session is open must find them (so the search can find what it looks for).
@Suite(.enabled(if: PTYScreen.isAvailable, "needs KIOSK_TEST_PYTHON (scripts/test provides it)"))
struct MemoryResidueTests {
    /// 李建国's card (`resident` in SampleCards).
    static let secrets = ["440106198703150016", "李建国", "广东省广州市天河区示例大道100号"]

    @Test("after removal and after 结束, a core dump holds no copy of the card holder's data")
    func removalAndEnd() async throws {
        try await MemoryResidueRun(idleTimeout: nil).run { run in
            [
                .wait("请将身份证放在读卡区", timeout: 30),
                run.reader("place resident"),
                .wait("我的办件", timeout: 30),
                run.dump("open"),
                run.reader("remove"),
                .waitGone("我的办件", timeout: 30),
                .wait("请将身份证放在读卡区", timeout: 30),
                run.dump("removed"),
                run.reader("place resident"),
                .wait("我的办件", timeout: 30),
                .tap("结束"),
                .waitGone("我的办件", timeout: 30),
                run.dump("ended"),
                run.reader("remove"),
                .wait("请将身份证放在读卡区", timeout: 30),
                .signal("TERM"),
                .waitExit(15),
            ]
        } check: { dumps in
            #expect(dumps["open"].map { $0.total > 0 } == true, "the open session's data was not found")
            for name in ["removed", "ended"] {
                let copies = try #require(dumps[name])
                #expect(copies.total == 0, "\(name): \(copies)")
            }
        }
    }

    @Test("after the idle timeout, a core dump holds no copy of the card holder's data")
    func idle() async throws {
        try await MemoryResidueRun(idleTimeout: 30).run { run in
            [
                .wait("请将身份证放在读卡区", timeout: 30),
                run.reader("place resident"),
                .wait("我的办件", timeout: 30),
                .waitGone("我的办件", timeout: 80),
                run.dump("idle"),
                run.reader("remove"),
                .wait("请将身份证放在读卡区", timeout: 30),
                .signal("TERM"),
                .waitExit(15),
            ]
        } check: { dumps in
            let copies = try #require(dumps["idle"])
            #expect(copies.total == 0, "idle: \(copies)")
        }
    }
}

/// One `kiosk run` against `kiosk-devsim sam`, with dumps taken by the pty driver and searched here.
struct MemoryResidueRun {
    /// `session.idle_timeout_seconds`, or the default.
    let idleTimeout: Int?
    let directory: URL
    let fifo: String

    init(idleTimeout: Int?) throws {
        self.idleTimeout = idleTimeout
        directory = URL(fileURLWithPath: try E2E.stateDirectory())
        fifo = directory.appending(path: "devsim-commands").path
    }

    /// Tells the emulator `command` (`place NAME`, `remove`) through its command FIFO.
    func reader(_ command: String) -> PTYScreen.Action {
        .exec(["/bin/sh", "-c", "printf '%s\\n' \"$1\" > \"$2\"", "sh", command, fifo])
    }

    /// Dumps the kiosk's memory to `<directory>/core-<name>` (gcore stops it meanwhile).
    func dump(_ name: String) -> PTYScreen.Action {
        let core = directory.appending(path: "core-\(name)").path
        return .exec(
            ["/bin/sh", "-c", "cp /proc/$1/maps \"$2.maps\" && exec gcore -o \"$2\" $1", "gcore", "{pid}", core],
            timeout: 60)
    }

    /// Copies found in one dump, by secret and encoding.
    struct Copies: CustomStringConvertible {
        var counts: [String: Int] = [:]
        var total: Int { counts.values.reduce(0, +) }
        var description: String { counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.description }
    }

    func run(
        _ actions: (MemoryResidueRun) -> [PTYScreen.Action],
        check: ([String: Copies]) throws -> Void
    ) async throws {
        // KIOSK_TEST_KEEP_DUMPS=1 keeps the dumps (and the kiosk's memory map at each) for analysis.
        let keep = ProcessInfo.processInfo.environment["KIOSK_TEST_KEEP_DUMPS"] != nil
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let gcore = ["/usr/bin/gcore", "/bin/gcore"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(gcore != nil, "gcore (package gdb) is needed to dump the kiosk; scripts/test installs it")
        guard mkfifo(fifo, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let devsimURL = try #require(BuiltProducts.url("kiosk-devsim"), "kiosk-devsim is not built")
        let devsim = try await FIFODevSim(executable: devsimURL, fifo: fifo, directory: directory)
        defer { devsim.stop() }

        let config = directory.appending(path: "kiosk.toml")
        var toml = """
            [site]
            name = "测试市政务服务中心"
            terminal_id = "MEM-01"
            [reader]
            driver = "serial"
            port = "\(devsim.linkPath)"
            poll_interval_ms = 100
            [printer]
            driver = "none"

            """
        if let idleTimeout { toml += "[session]\nidle_timeout_seconds = \(idleTimeout)\ncountdown_seconds = 20\n" }
        try toml.write(to: config, atomically: true, encoding: .utf8)
        let state = directory.appending(path: "state").path
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)

        var screen = PTYScreen()
        screen.environment = ["KIOSK_ASSETS_DIR": KioskProcess.assets]
        let result = try await screen.run(
            [E2E.kiosk, "run", "--config", config.path, "--state-directory", state], actions: actions(self))
        #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
        var dumps: [String: Copies] = [:]
        for exec in result.execs where exec.argv.count == 6 && exec.argv[3] == "gcore" {
            let prefix = exec.argv[5]
            let name = String(URL(fileURLWithPath: prefix).lastPathComponent.dropFirst("core-".count))
            let file = try #require(
                try FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .first { $0.hasPrefix("core-\(name).") && !$0.hasSuffix(".maps") },
                "gcore wrote no dump for \(name): \(exec.output)")
            dumps[name] = try Self.search(directory.appending(path: file).path)
        }
        try check(dumps)
    }

    /// Counts every secret in every encoding in the dump at `path`, leaving out hits inside the
    /// kiosk executable's own image (its compiled-in demo data: invented people, not citizens).
    static func search(_ path: String) throws -> Copies {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        let executable = URL(fileURLWithPath: E2E.kiosk).resolvingSymlinksInPath().path
        let mapsPath = (path as NSString).deletingPathExtension + ".maps"
        let image = try executableImage(maps: String(contentsOfFile: mapsPath, encoding: .utf8), path: executable)
        let segments = try loadSegments(data)
        func inImage(_ offset: Int) -> Bool {
            guard let segment = segments.first(where: { $0.offset <= offset && offset < $0.offset + $0.size })
            else { return false }
            let address = segment.address + UInt64(offset - segment.offset)
            return image.contains { $0.contains(address) }
        }
        var copies = Copies()
        for secret in MemoryResidueTests.secrets {
            let encodings: [(String, [UInt8])] = [
                ("utf8", Array(secret.utf8)),
                ("utf16le", secret.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
                ("gb18030", gb18030(secret)),
            ]
            for (encoding, needle) in encodings {
                // An ASCII secret is the same in UTF-8 and GB18030: count it once.
                if encoding == "gb18030" && needle == Array(secret.utf8) { continue }
                copies.counts["\(secret.prefix(3))…/\(encoding)"] =
                    offsets(of: needle, in: data).filter { !inImage($0) }
                    .count
            }
        }
        return copies
    }

    /// The address ranges mapped from the file at `path`, from a `/proc/PID/maps` text.
    static func executableImage(maps: String, path: String) throws -> [Range<UInt64>] {
        let ranges: [Range<UInt64>] = maps.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5...].joined(separator: " ") == path else { return nil }
            let bounds = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
            return bounds.count == 2 ? bounds[0]..<bounds[1] : nil
        }
        try #require(!ranges.isEmpty, "the kiosk's memory map does not show \(path)")
        return ranges
    }

    /// The PT_LOAD segments of an ELF64 core file: file offset, size in the file, virtual address.
    static func loadSegments(_ data: Data) throws -> [(offset: Int, size: Int, address: UInt64)] {
        try #require(data.count > 64 && data.prefix(4).elementsEqual([0x7F, 0x45, 0x4C, 0x46]), "not an ELF core")
        func integer<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        }
        let headerOffset = Int(integer(0x20, UInt64.self))
        let entrySize = Int(integer(0x36, UInt16.self))
        let count = Int(integer(0x38, UInt16.self))
        return (0..<count).compactMap { index in
            let entry = headerOffset + index * entrySize
            guard integer(entry, UInt32.self) == 1 else { return nil }  // PT_LOAD
            return (
                Int(integer(entry + 8, UInt64.self)), Int(integer(entry + 32, UInt64.self)),
                integer(entry + 16, UInt64.self)
            )
        }
    }

    /// The file offsets where `needle` occurs in `data`.
    static func offsets(of needle: [UInt8], in data: Data) -> [Int] {
        data.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) in
            needle.withUnsafeBytes { (pattern: UnsafeRawBufferPointer) in
                guard let base = haystack.baseAddress, pattern.count > 0 else { return [] }
                var found: [Int] = []
                var offset = 0
                let last = haystack.count - pattern.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { break }
                    let position = UnsafeRawPointer(hit) - base
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { found.append(position) }
                    offset = position + 1
                }
                return found
            }
        }
    }

    /// `text` in GB18030, through iconv.
    static func gb18030(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv has no GB18030")
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4)
        let written = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        return output.prefix(written).map { UInt8(bitPattern: $0) }
    }
}

/// `kiosk-devsim sam` reading its commands from a FIFO, so the pty driver can place and remove cards
/// between screen steps.
final class FIFODevSim: @unchecked Sendable {
    let linkPath: String
    private let process = Process()
    private let output: DataCollector

    init(executable: URL, fifo: String, directory: URL) async throws {
        linkPath = directory.appending(path: "idcard").path
        process.executableURL = executable
        process.arguments = ["sam", "--link", linkPath]
        // Read-write, so the FIFO never reports end of file between the driver's writes.
        let fd = open(fifo, O_RDWR)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        process.standardInput = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let pipe = Pipe()
        process.standardOutput = pipe
        output = DataCollector(pipe.fileHandleForReading)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while !output.current.split(separator: "\n").contains(Substring("ready \(linkPath)")) {
            try #require(ContinuousClock.now < deadline, "kiosk-devsim did not get ready")
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
