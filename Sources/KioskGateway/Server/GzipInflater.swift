import CompressNIO
import NIOCore

/// Inflates one gzip stream chunk by chunk into a buffer that never grows past `limit + 1` bytes,
/// so a small body that inflates to gigabytes (a zip bomb) costs at most the limit in memory.
struct GzipInflater {
    /// The largest body, compressed and inflated, in bytes.
    let limit: Int
    private let decompressor: any NIODecompressor
    private var output: ByteBuffer
    private var compressedBytes = 0

    init(limit: Int) throws {
        self.limit = limit
        let decompressor = CompressionAlgorithm.gzip().decompressor
        try decompressor.startStream()
        self.decompressor = decompressor
        self.output = ByteBufferAllocator().buffer(capacity: min(limit + 1, 16 * 1024))
    }

    /// Inflates the next chunk of the compressed body.
    /// - Throws: ``ContentCodingError/corrupt``, ``ContentCodingError/tooLarge(limit:)``.
    mutating func inflate(_ chunk: ByteBuffer) throws {
        compressedBytes += chunk.readableBytes
        guard compressedBytes <= limit else { throw ContentCodingError.tooLarge(limit: limit) }
        var chunk = chunk
        while chunk.readableBytes > 0 {
            if output.writableBytes == 0 {
                output.reserveCapacity(min(output.capacity * 2, limit + 1))
            }
            let unread = chunk.readableBytes
            let inflated = output.readableBytes
            do {
                try chunk.decompressStream(to: &output, with: decompressor)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // The output is full: grown on the next turn, or too large below.
            } catch let error as CompressNIOError where error == .corruptData {
                throw ContentCodingError.corrupt
            }
            guard output.readableBytes <= limit else { throw ContentCodingError.tooLarge(limit: limit) }
            if chunk.readableBytes == unread, output.readableBytes == inflated, output.writableBytes > 0 {
                // zlib takes nothing more once the stream's trailer is read: bytes after the end.
                throw ContentCodingError.corrupt
            }
        }
    }

    /// The inflated body, once the compressed one has all been given to ``inflate(_:)``.
    /// - Throws: ``ContentCodingError/corrupt`` when the gzip stream has not reached its end
    ///   (its CRC-32 and length trailer, which zlib checks).
    mutating func finish() throws -> ByteBuffer {
        // At the end of the stream zlib takes no more input; a byte it still takes (or turns into
        // output) means the body stopped short.
        var probe = ByteBuffer(bytes: [0])
        var sink = ByteBufferAllocator().buffer(capacity: 64)
        do {
            try probe.decompressStream(to: &sink, with: decompressor)
        } catch {
            throw ContentCodingError.corrupt
        }
        guard probe.readableBytes == 1, sink.readableBytes == 0 else { throw ContentCodingError.corrupt }
        try decompressor.finishStream()
        return output
    }
}
