import Foundation

/// A position in the change feed: the epoch it belongs to and the last delivered row's
/// `(xid, seq)`. Kiosks see it only as base64url(`v1.<epoch>.<xid>.<seq>`).
struct FeedCursor: Sendable, Equatable {
    let epoch: UUID
    /// The writing transaction's id (`xid8`), as PostgreSQL prints it.
    let xid: UInt64
    let seq: Int64

    /// The opaque text sent to kiosks.
    var token: String {
        let plain = "v1.\(epoch.uuidString.lowercased()).\(xid).\(seq)"
        return Base64URL.encode(Data(plain.utf8))
    }

    /// Parses a token; `nil` when it is not one of ours.
    init?(token: String) {
        guard let data = Base64URL.decode(token), let plain = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1", let epoch = UUID(uuidString: String(parts[1])),
            let xid = UInt64(parts[2]), let seq = Int64(parts[3]), seq >= 0
        else { return nil }
        self.init(epoch: epoch, xid: xid, seq: seq)
    }

    init(epoch: UUID, xid: UInt64, seq: Int64) {
        self.epoch = epoch
        self.xid = xid
        self.seq = seq
    }

    /// Orders positions as the feed does: by `(xid, seq)`.
    func isBefore(xid otherXid: UInt64, seq otherSeq: Int64) -> Bool {
        (xid, seq) < (otherXid, otherSeq)
    }
}
