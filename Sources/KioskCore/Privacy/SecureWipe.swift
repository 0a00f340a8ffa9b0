/// Overwriting personal data in place before its memory is released (rule R5).
///
/// Swift frees an array's buffer without clearing it; what is freed stays readable in the heap (a
/// core dump, a swap page) until it is reused. Buffers that held card data are zeroed here first.
package enum SecureWipe {
    /// Zeroes every element of `bytes` in place, then empties it (the zeroed buffer is released).
    package static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { zero($0) }
        bytes = []
    }

    /// Zeroes every element of `units` in place, then empties it.
    package static func wipe(_ units: inout [UInt16]) {
        units.withUnsafeMutableBytes { zero($0) }
        units = []
    }

    /// Zeroes the memory, through a volatile-like store the optimiser cannot drop as dead.
    package static func zero(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        base.initializeMemory(as: UInt8.self, repeating: 0, count: buffer.count)
        keepAlive(base)
    }

    @inline(never)
    private static func keepAlive(_ pointer: UnsafeMutableRawPointer) {
        withExtendedLifetime(pointer) {}
    }
}
