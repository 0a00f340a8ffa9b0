import Glibc

/// A pseudo-terminal pair opened through `/dev/ptmx`, the device end set raw.
///
/// The emulator writes to ``master``; clients open ``slavePath`` like a serial port. The pair keeps
/// its own descriptor on the slave end so the master never sees a hang-up while no client is
/// connected (a client closing its port must not look like an unplug).
package final class PseudoTerminal {
    /// The controller end, non-blocking.
    package private(set) var master: Int32
    /// The device end kept open by the emulator.
    private var slave: Int32
    /// `/dev/pts/N`.
    package let slavePath: String

    /// Opens a new pair.
    ///
    /// - Throws: ``SerialError`` naming the failing call.
    package init() throws(SerialError) {
        // Glibc's module does not export posix_openpt/grantpt/unlockpt; do what they do on Linux:
        // open the multiplexer, unlock the pair (TIOCSPTLCK) and ask for its number (TIOCGPTN).
        let master = try retryingOnInterrupt("open", path: "/dev/ptmx") {
            open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        }
        do {
            var unlock: Int32 = 0
            try retryingOnInterrupt("ioctl(TIOCSPTLCK)", path: "/dev/ptmx") {
                ioctl(master, PseudoTerminal.setLock, &unlock)
            }
            var number: UInt32 = 0
            try retryingOnInterrupt("ioctl(TIOCGPTN)", path: "/dev/ptmx") {
                ioctl(master, PseudoTerminal.getNumber, &number)
            }
            let path = "/dev/pts/\(number)"
            let slave = try retryingOnInterrupt("open", path: path) { open(path, O_RDWR | O_NOCTTY | O_CLOEXEC) }
            var settings = termios()
            tcgetattr(slave, &settings)
            cfmakeraw(&settings)
            tcsetattr(slave, TCSANOW, &settings)
            self.master = master
            self.slave = slave
            self.slavePath = path
        } catch {
            Glibc.close(master)
            throw error
        }
    }

    deinit {
        close()
    }

    /// `TIOCSPTLCK` = `_IOW('T', 0x31, int)` (Linux; not exported by the Glibc module).
    private static let setLock: UInt = 0x4004_5431
    /// `TIOCGPTN` = `_IOR('T', 0x30, unsigned int)`.
    private static let getNumber: UInt = 0x8004_5430

    /// Closes both ends: a client holding the device sees a hang-up, as after an unplug.
    package func close() {
        if master >= 0 { Glibc.close(master) }
        if slave >= 0 { Glibc.close(slave) }
        master = -1
        slave = -1
    }
}
