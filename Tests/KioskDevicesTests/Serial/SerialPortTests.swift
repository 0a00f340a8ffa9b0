import Glibc
import Testing

@testable import KioskDevices

/// The termios wrapper against real pseudo-terminals.
@Suite struct SerialPortTests {
    /// A deadline `milliseconds` from now.
    static func deadline(_ milliseconds: Int64) -> Int64 { monotonicNanoseconds() + milliseconds * 1_000_000 }

    @Test func missingDeviceReportsCallAndErrno() {
        do {
            _ = try SerialPort.open(path: "/dev/kiosk-no-such-reader", baudRate: .b115200)
            Issue.record("open succeeded")
        } catch {
            #expect(error.call == "open")
            #expect(error.errno == ENOENT)
            #expect(error.isDeviceLost)
            #expect(error.description.contains("/dev/kiosk-no-such-reader"))
        }
    }

    @Test func notATerminalFailsInTermiosCalls() {
        do {
            _ = try SerialPort.open(path: "/dev/null", baudRate: .b9600)
            Issue.record("configured /dev/null")
        } catch {
            #expect(error.errno == ENOTTY)
            #expect(error.call?.hasPrefix("ioctl") == true || error.call == "tcgetattr")
        }
    }

    @Test(arguments: [BaudRate.b115200, .b57600, .b38400, .b19200, .b9600])
    func configuresRaw8N1AtTheSpeed(_ rate: BaudRate) throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort.open(path: pty.slavePath, baudRate: rate)
        defer { port.close() }
        // The port holds the line exclusively (TIOCEXCL), so a second open of the slave fails for anyone
        // but root; on Linux the master's termios calls act on the slave, so read the settings there.
        var settings = termios()
        #expect(tcgetattr(pty.master, &settings) == 0)
        #expect(settings.c_lflag & tcflag_t(ICANON) == 0)
        #expect(settings.c_lflag & tcflag_t(ECHO) == 0)
        #expect(settings.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(settings.c_cflag & tcflag_t(PARENB) == 0)
        #expect(settings.c_cflag & tcflag_t(CSTOPB) == 0)
        #expect(cfgetospeed(&settings) == rate.speed)
        #expect(cfgetispeed(&settings) == rate.speed)
    }

    @Test func readsWhatArrivesAndTimesOutOtherwise() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort.open(path: pty.slavePath, baudRate: .b115200)
        defer { port.close() }
        let sent: [UInt8] = [0xAA, 0x00, 0x0D, 0x0A, 0x1B, 0xFF]
        #expect(write(pty.master, sent, sent.count) == sent.count)
        var received: [UInt8] = []
        while received.count < sent.count {
            received += try port.read(maximumCount: 64, deadline: Self.deadline(1000))
        }
        #expect(received == sent)  // raw: no CR/LF translation, no ESC handling

        let start = monotonicNanoseconds()
        #expect {
            _ = try port.read(maximumCount: 64, deadline: Self.deadline(80))
        } throws: { ($0 as? SerialError)?.isTimeout == true }
        #expect(monotonicNanoseconds() - start >= 80_000_000)
    }

    @Test func writesReachTheOtherEnd() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort.open(path: pty.slavePath, baudRate: .b115200)
        defer { port.close() }
        let frame = SAMCommand.readText.encoded
        try port.write(frame, deadline: Self.deadline(1000))
        var buffer = [UInt8](repeating: 0, count: 64)
        var request = pollfd(fd: pty.master, events: Int16(POLLIN), revents: 0)
        #expect(poll(&request, 1, 1000) == 1)
        let count = read(pty.master, &buffer, 64)
        #expect(Array(buffer.prefix(max(count, 0))) == frame)
    }

    @Test func discardInputDropsStaleBytes() throws {
        let pty = try PseudoTerminal()
        // A second reader of the device, opened before the port takes it exclusively (TIOCEXCL), tells
        // when the stale bytes have crossed the pty's line discipline; it never reads them.
        let probe = open(pty.slavePath, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        try #require(probe >= 0)
        defer { close(probe) }
        let port = try SerialPort.open(path: pty.slavePath, baudRate: .b115200)
        defer { port.close() }
        _ = write(pty.master, [1, 2, 3] as [UInt8], 3)
        var readable = pollfd(fd: probe, events: Int16(POLLIN), revents: 0)
        #expect(poll(&readable, 1, 1000) == 1)
        try port.discardInput()
        _ = write(pty.master, [9] as [UInt8], 1)
        #expect(try port.read(maximumCount: 16, deadline: Self.deadline(1000)) == [9])
    }

    @Test func unplugIsAHangUp() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort.open(path: pty.slavePath, baudRate: .b115200)
        defer { port.close() }
        pty.close()
        #expect {
            _ = try port.read(maximumCount: 16, deadline: Self.deadline(1000))
        } throws: { ($0 as? SerialError)?.isDeviceLost == true }
    }

    @Test func closedPortRefusesIO() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort.open(path: pty.slavePath, baudRate: .b115200)
        port.close()
        port.close()
        #expect(!port.isOpen)
        #expect(throws: SerialError.closed(path: pty.slavePath)) {
            try port.write([1], deadline: Self.deadline(100))
        }
    }

    @Test func baudRates() {
        #expect(BaudRate(rawValue: 4800) == nil)
        #expect(BaudRate(rawValue: 115_200) == .b115200)
        // 1295 bytes at 115200 baud, 10 bits each: 112.4 ms.
        #expect(BaudRate.b115200.lineTime(bytes: 1295) == .nanoseconds(112_413_194))
    }
}

/// The EINTR loop every raw call goes through.
@Suite struct RetryOnInterruptTests {
    @Test func retriesInterruptedCallsThenReturns() throws {
        var calls = 0
        let result = try retryingOnInterrupt("read", path: "/dev/test") { () -> Int32 in
            calls += 1
            if calls < 3 {
                errno = EINTR
                return -1
            }
            return 7
        }
        #expect(result == 7)
        #expect(calls == 3)
    }

    @Test func otherErrorsCarryTheCallAndErrno() {
        var calls = 0
        #expect(throws: SerialError.system("tcsetattr", errno: EIO, path: "/dev/test")) {
            try retryingOnInterrupt("tcsetattr", path: "/dev/test") { () -> Int32 in
                calls += 1
                errno = EIO
                return -1
            }
        }
        #expect(calls == 1)
        let error = SerialError.system("tcsetattr", errno: EIO, path: "/dev/test")
        #expect(error.isDeviceLost)
        #expect(error.description == "tcsetattr(/dev/test) failed: Input/output error (errno 5)")
    }
}
