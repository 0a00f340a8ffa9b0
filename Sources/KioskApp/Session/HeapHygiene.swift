import Glibc

/// glibc's malloc made to overwrite what it frees (rule R5): a citizen's values that lived in freed
/// heap memory (a decoded field, a `String` copy, SQLite's bound values) do not stay readable there.
///
/// `M_PERTURB` fills every freed chunk with a byte (and fresh allocations with its complement);
/// glibc's per-thread cache (tcache) skips that fill, so `kiosk run` and `kiosk demo` also run with
/// the tcache off: the process re-executes itself once, at start, with `GLIBC_TUNABLES` set
/// (`glibc.malloc.tcache_count=0:glibc.malloc.perturb=165`) before any citizen data exists.
/// `kiosk-bench` measures what this costs (docs/privacy.md).
enum HeapHygiene {
    /// The byte freed memory is overwritten with (0xA5).
    static let perturbByte: Int32 = 0xA5
    /// The tunables the kiosk runs with.
    static let tunables = "glibc.malloc.tcache_count=0:glibc.malloc.perturb=\(perturbByte)"

    /// Re-executes the process with ``tunables`` unless they are set; then sets `M_PERTURB` (a no-op
    /// when the tunable already did). Returns only when the process runs with them (or cannot).
    static func enable() {
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        if !current.contains(tunables) {
            let value = current.isEmpty ? tunables : current + ":" + tunables
            setenv("GLIBC_TUNABLES", value, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // execv returned: keep running without the tcache setting (M_PERTURB still applies).
        }
        setPerturb(perturbByte)
    }

    /// `mallopt(M_PERTURB, value)` (malloc.h is not part of Swift's Glibc module).
    static func setPerturb(_ value: Int32) {
        let M_PERTURB: Int32 = -6
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(M_PERTURB, value)
    }
}
