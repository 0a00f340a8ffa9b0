import Glibc

/// glibc's malloc made to overwrite what it frees (rule R5): a citizen's values that lived in freed
/// heap memory (a decoded field, a `String` copy, SQLite's bound values) do not stay readable there.
///
/// `M_PERTURB` fills every freed chunk with a byte (and fresh allocations with its complement). The
/// chunks glibc keeps in its per-thread cache (tcache, at most 7 per size class and thread) skip the
/// fill, so the kiosk runs with `GLIBC_TUNABLES=glibc.malloc.tcache_count=0`: the systemd units set
/// it, and ``prepareEnvironment()`` adds it before the start-up re-execution (for `SWIFT_BACKTRACE`)
/// so that a kiosk started by hand gets it too (docs/privacy.md). `kiosk-bench` measures the cost.
enum HeapHygiene {
    /// The byte freed memory is overwritten with (0xA5).
    static let perturbByte: Int32 = 0xA5
    /// The glibc tunable that turns the per-thread cache off.
    static let noCache = "glibc.malloc.tcache_count=0"

    /// Adds ``noCache`` to `GLIBC_TUNABLES` for the next exec (glibc reads tunables only at exec).
    /// Call before `CrashOutputProcess.reexecuteIfNeeded()`.
    static func prepareEnvironment() {
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        guard !current.contains(noCache) else { return }
        setenv("GLIBC_TUNABLES", current.isEmpty ? noCache : current + ":" + noCache, 1)
    }

    /// Sets `M_PERTURB`; call before any citizen data exists. Returns whether glibc accepted it.
    @discardableResult
    static func enable() -> Bool {
        setPerturb(perturbByte)
    }

    /// `mallopt(M_PERTURB, value)` (malloc.h is not part of Swift's Glibc module, so it is looked up).
    static func setPerturb(_ value: Int32) -> Bool {
        let perturbOption: Int32 = -6  // M_PERTURB
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(perturbOption, value) == 1
    }
}
