import Foundation

/// The opaque page token of `GET /v1/device/snapshot`: the feed epoch, the position C0 fixed by
/// the first page (the cursor the last page hands out), the part being paged and the last key sent.
struct SnapshotToken: Sendable, Equatable {
    /// The parts of a snapshot, paged in this order, each by key.
    enum Part: Int, Sendable, CaseIterable {
        case caseFile, serviceItem, mailStatus
    }

    let epoch: UUID
    /// C0's xid: the snapshot's xmin when the first page was read (C0 = (xid, 0)).
    let startXid: UInt64
    let part: Part
    /// The last key sent in `part` (empty: from its beginning).
    let afterKey: String

    var token: String {
        let key = Data(afterKey.utf8).base64EncodedString()
        return Base64URL.encode(Data("s1.\(epoch.uuidString.lowercased()).\(startXid).\(part.rawValue).\(key)".utf8))
    }

    init(epoch: UUID, startXid: UInt64, part: Part, afterKey: String) {
        self.epoch = epoch
        self.startXid = startXid
        self.part = part
        self.afterKey = afterKey
    }

    /// Parses a token; `nil` when it is not one of ours.
    init?(token: String) {
        guard let data = Base64URL.decode(token), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "s1", let epoch = UUID(uuidString: String(parts[1])),
            let xid = UInt64(parts[2]), let partNumber = Int(parts[3]), let part = Part(rawValue: partNumber),
            let keyData = Data(base64Encoded: String(parts[4])), let key = String(data: keyData, encoding: .utf8)
        else { return nil }
        self.init(epoch: epoch, startXid: xid, part: part, afterKey: key)
    }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
