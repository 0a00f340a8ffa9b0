import Foundation
import KioskProtocol
import KioskTestSupport
import Testing

@testable import KioskGateway

/// gzip on the device API (docs/gateway.md, "Compression"), on the real binary over mTLS with
/// curl: compressed request bodies, compressed answers by `Accept-Encoding`, and the refusals.
@Suite(.serialized) struct CompressionTests {
    @Test func aGzippedSubmissionsBatchIsAcceptedAndBadCodingsAreRefused() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-gz", gateway: gateway)
        let items = try (1...3).map {
            try SubmissionFixture.item(SubmissionFixture.mailRequest(case: "DEMO-LJG-001\($0)", key: "gz-\($0)"))
        }
        let plain = try ProtocolCoding.encoder().encode(SubmissionBatch(items: items))
        let compressed = try await Gzip.compress(plain)
        #expect(compressed.prefix(2) == Data([0x1f, 0x8b]) && compressed.count < plain.count)

        let reply = try await device.request(
            "POST", "/v1/device/submissions", json: compressed, headers: ["Content-Encoding": "gzip"])
        #expect(reply.status == 200, "\(reply.text)")
        let results = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: reply.body)
        #expect(results.results.map(\.status) == [.accepted, .accepted, .accepted])
        #expect(try await database.sql("SELECT count(*) FROM submission WHERE device_id = 'kiosk-gz'") == [["3"]])

        // Not gzip at all; a stream without its CRC-32 and length trailer (all of the JSON inflates,
        // so only the missing end of the stream tells); a trailer whose CRC-32 is wrong.
        let garbage = Data("this is not a gzip stream".utf8)
        var badCRC = compressed
        badCRC[badCRC.count - 6] ^= 0xff
        for body in [garbage, compressed.dropLast(8), badCRC] {
            let corrupt = try await device.request(
                "POST", "/v1/device/submissions", json: Data(body), headers: ["Content-Encoding": "gzip"])
            #expect(corrupt.status == 400, "\(corrupt.text)")
            #expect(corrupt.headers["content-type"] == "application/problem+json")
            #expect(try Self.problemStatus(corrupt.body) == 400)
        }
        // Bytes after the end of the gzip stream.
        let trailing = try await device.request(
            "POST", "/v1/device/submissions", json: compressed + Data("junk".utf8),
            headers: ["Content-Encoding": "gzip"])
        #expect(trailing.status == 400)

        let unknown = try await device.request(
            "POST", "/v1/device/submissions", json: plain, headers: ["Content-Encoding": "br"])
        #expect(unknown.status == 415)
        #expect(unknown.headers["content-type"] == "application/problem+json")
        #expect(unknown.headers["accept-encoding"] == "gzip")
        #expect(try Self.problemStatus(unknown.body) == 415)
        // identity is no coding: the body is taken as it is.
        let identity = try await device.request(
            "POST", "/v1/device/submissions", json: plain, headers: ["Content-Encoding": "identity"])
        #expect(identity.status == 200)
        #expect(
            try ProtocolCoding.decoder().decode(SubmissionResults.self, from: identity.body).results.map(\.status)
                == [.duplicate, .duplicate, .duplicate])
        await gateway.stop()
        try await database.drop()
    }

    @Test func aGzipBombIs413AndTheGatewayGoesOn() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-bomb", gateway: gateway)
        // 50 MB of zeros: about 50 KB of gzip, fifty times the 1 MiB body limit once inflated.
        let bomb = try await Gzip.compressZeros(count: 50 * 1024 * 1024)
        #expect(bomb.count < 100 * 1024)

        let refused = try await device.request(
            "POST", "/v1/device/submissions", json: bomb, headers: ["Content-Encoding": "gzip"])
        #expect(refused.status == 413, "\(refused.text)")
        #expect(refused.headers["content-type"] == "application/problem+json")
        #expect(try Self.problemStatus(refused.body) == 413)
        // Just under the limit inflated is still a body (here not JSON: 400 from the decoder, not 413).
        let underLimit = try await device.request(
            "POST", "/v1/device/submissions", json: try await Gzip.compressZeros(count: 1000 * 1024),
            headers: ["Content-Encoding": "gzip"])
        #expect(underLimit.status == 400)

        let item = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "after-bomb"))
        let after = try await device.request(
            "POST", "/v1/device/submissions", json: try ProtocolCoding.encoder().encode(SubmissionBatch(items: [item])))
        #expect(after.status == 200)
        await gateway.stop()
        try await database.drop()
    }

    @Test func aChangesPageComesBackGzippedOnlyWhenAskedFor() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-feed", gateway: gateway)
        try await database.sql(
            """
            INSERT INTO change_log (entity, key, op, version)
                SELECT 'serviceItem', 'SERVICE-ITEM-' || g, 'delete', g FROM generate_series(1, 40) g
            """)
        try await database.withGatewayDatabase { try await FeedVisibility.settle($0) }

        let plain = try await device.request("GET", "/v1/device/changes")
        #expect(plain.status == 200)
        #expect(plain.headers["content-encoding"] == nil)
        #expect(plain.headers["vary"] == "Accept-Encoding")
        let page = try ProtocolCoding.decoder().decode(ChangePage.self, from: plain.body)
        #expect(page.changes.count == 40)
        #expect(plain.body.count > 256)

        // curl without --compressed: the bytes as sent.
        let gzipped = try await device.request("GET", "/v1/device/changes", headers: ["Accept-Encoding": "gzip"])
        #expect(gzipped.status == 200)
        #expect(gzipped.headers["content-encoding"] == "gzip")
        #expect(gzipped.headers["vary"] == "Accept-Encoding")
        #expect(gzipped.headers["content-length"] == String(gzipped.body.count))
        #expect(gzipped.body.prefix(2) == Data([0x1f, 0x8b]))
        #expect(gzipped.body.count * 3 < plain.body.count)
        let inflated = try await Gzip.decompress(gzipped.body)
        #expect(inflated == plain.body)
        print("CompressionTests: changes page of 40 deletes, \(plain.body.count) bytes → \(gzipped.body.count) gzip")

        for refusing in ["gzip;q=0", "gzip; q=0.000, deflate", "*;q=1, gzip;q=0", "identity, gzip;q=0.5", "br"] {
            let identity = try await device.request(
                "GET", "/v1/device/changes", headers: ["Accept-Encoding": refusing])
            #expect(identity.headers["content-encoding"] == nil, "Accept-Encoding: \(refusing)")
            #expect(identity.body == plain.body, "Accept-Encoding: \(refusing)")
            #expect(identity.headers["vary"] == "Accept-Encoding")
        }
        for accepting in ["deflate, gzip;q=0.8", "*", "GZIP;Q=1.0", "x-gzip"] {
            let compressed = try await device.request(
                "GET", "/v1/device/changes", headers: ["Accept-Encoding": accepting])
            #expect(compressed.headers["content-encoding"] == "gzip", "Accept-Encoding: \(accepting)")
        }

        // A tiny answer (410 for a bad cursor) is not worth gzip's framing, and does not vary.
        let small = try await device.request(
            "GET", "/v1/device/changes?cursor=nonsense", headers: ["Accept-Encoding": "gzip"])
        #expect(small.status == 410)
        #expect(small.headers["content-encoding"] == nil)
        #expect(small.headers["vary"] == nil)
        #expect(small.body.count < 256)
        await gateway.stop()
        try await database.drop()
    }

    @Test func theConfigETagStillAnswers304WithAcceptEncoding() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-etag", gateway: gateway)
        // Four announcements of 90 characters (at most 200 each): well over the 256-byte threshold.
        let text = String(repeating: "今日下午停电检修，请到二号窗口办理。", count: 5)
        try await database.sql(
            """
            INSERT INTO config_version (group_id, version, settings, created_by)
                VALUES ('default', 7, '{"idle":60,"lang":"zh"}', 'admin');
            INSERT INTO announcement (group_id, text, valid_from, valid_to, created_by)
                SELECT 'default', '\(text)', now() - interval '1 hour', now() + interval '1 hour', 'admin'
                FROM generate_series(1, 4);
            """)
        let plain = try await device.request("GET", "/v1/device/config")
        #expect(plain.status == 200)
        let strong = try #require(plain.headers["etag"])
        #expect(strong.hasPrefix("\""))

        let gzipped = try await device.request("GET", "/v1/device/config", headers: ["Accept-Encoding": "gzip"])
        #expect(gzipped.status == 200)
        #expect(gzipped.headers["content-encoding"] == "gzip")
        // Another representation of the same version: the validator is the version, made weak.
        #expect(gzipped.headers["etag"] == "W/" + strong)
        #expect(try await Gzip.decompress(gzipped.body) == plain.body)

        for tag in [strong, "W/" + strong] {
            let cached = try await device.request(
                "GET", "/v1/device/config", headers: ["Accept-Encoding": "gzip", "If-None-Match": tag])
            #expect(cached.status == 304, "If-None-Match: \(tag)")
            #expect(cached.body.isEmpty)
            #expect(cached.headers["content-encoding"] == nil)
            #expect(cached.headers["etag"] == strong)
        }
        let other = try await device.request(
            "GET", "/v1/device/config", headers: ["Accept-Encoding": "gzip", "If-None-Match": "W/\"old\""])
        #expect(other.status == 200)
        await gateway.stop()
        try await database.drop()
    }

    private static func problemStatus(_ body: Data) throws -> Int {
        try JSONDecoder().decode(Problem.self, from: body).status
    }
}

/// The `Accept-Encoding` parser alone (RFC 9110 §12.5.3 q-values).
struct AcceptEncodingTests {
    @Test(arguments: [
        ("gzip", true), ("gzip;q=0", false), ("gzip; q=0.000", false), ("gzip;q=0.001", true),
        ("GZIP;Q=1.0", true), ("x-gzip", true), ("*", true), ("*;q=0", false), ("*;q=1, gzip;q=0", false),
        ("br, deflate", false), ("", false), ("identity, gzip;q=0.5", false), ("identity;q=0.5, gzip", true),
        ("gzip;q=2", false), ("gzip;q=0.5555", false), ("gzip;q=abc", false), ("deflate, gzip;q=0.8", true),
        ("gzip;q=0, gzip", false),
    ])
    func gzipIsAllowed(header: String, allowed: Bool) {
        #expect(AcceptEncoding([header]).allowsGzip == allowed, "Accept-Encoding: \(header)")
    }

    @Test func severalFieldLinesAreOneList() {
        #expect(AcceptEncoding(["br", "gzip;q=0.3"]).allowsGzip)
        #expect(!AcceptEncoding(["gzip;q=0", "*"]).allowsGzip)
    }
}

/// A heartbeat whose strings hold U+0000 is refused (PostgreSQL's jsonb and text cannot hold it).
struct HeartbeatNULTests {
    @Test(arguments: [
        (#"{"state":"a\u0000b"}"#, true), (#"{"state":"\u0000"}"#, true), (#"{"state":"a\\u0000"}"#, false),
        (#"{"state":"\\\u0000"}"#, true), (#"{"state":"\u00001"}"#, true), (#"{"state":"\u0001"}"#, false),
        (#"{"state":"ok"}"#, false),
    ])
    func escapedNULIsFound(json: String, found: Bool) {
        #expect(HeartbeatRoutes.containsEscapedNUL(json) == found, "\(json)")
    }
}

/// /bin/gzip in a subprocess, through files (the runner's output is text).
private enum Gzip {
    static func compress(_ data: Data) async throws -> Data {
        let file = scratch()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try data.write(to: URL(fileURLWithPath: file))
        return try await shell("gzip -c -n '\(file)' > '\(file).gz'", output: file + ".gz")
    }

    static func compressZeros(count: Int) async throws -> Data {
        let file = scratch()
        return try await shell("head -c \(count) /dev/zero | gzip -c -n > '\(file).gz'", output: file + ".gz")
    }

    static func decompress(_ data: Data) async throws -> Data {
        let file = scratch()
        defer { try? FileManager.default.removeItem(atPath: file + ".gz") }
        try data.write(to: URL(fileURLWithPath: file + ".gz"))
        return try await shell("gzip -d -c '\(file).gz' > '\(file)'", output: file)
    }

    private static func scratch() -> String {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("gzip-\(UUID().uuidString)").path
    }

    private static func shell(_ command: String, output: String) async throws -> Data {
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        guard result.status == 0 else { throw HarnessError("\(command): \(result.standardError)") }
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }
}
