import Crypto
import Foundation
import KioskTestSupport
import SwiftASN1
import X509

/// A kiosk as the gateway sees it: its own P-256 key and CSR, enrolled with a one-time code, then
/// calling the device API over mutual TLS (curl with the client certificate).
struct TestDevice: Sendable {
    let id: String
    let gateway: RunningGateway
    /// Where the key and certificate are (`<id>-key.pem`, `<id>.pem`).
    let directory: URL

    var keyPath: String { directory.appendingPathComponent("\(id)-key.pem").path }
    var certificatePath: String { directory.appendingPathComponent("\(id).pem").path }

    /// Registers `id` (`device add`), enrolls it and stores its certificate.
    static func enroll(
        id: String, gateway: RunningGateway, site: String = "hall-1", region: String = "370102",
        groups: [String] = []
    ) async throws -> TestDevice {
        let code = try await register(id: id, gateway: gateway, site: site, region: region, groups: groups)
        let device = TestDevice(id: id, gateway: gateway, directory: gateway.directory)
        let (status, body) = try await device.enroll(code: code)
        guard status == 200 else {
            throw HarnessError("enroll \(id): HTTP \(status) \(String(decoding: body, as: UTF8.self))")
        }
        let response = try JSONDecoder().decode([String: String].self, from: body)
        try Data((response["certificate"] ?? "").utf8).write(to: URL(fileURLWithPath: device.certificatePath))
        return device
    }

    /// `kiosk-gateway device add` and the printed code.
    static func register(
        id: String, gateway: RunningGateway, site: String = "hall-1", region: String = "370102",
        groups: [String] = []
    ) async throws -> String {
        let added = try await gateway.cli(
            ["device", "add", id, "--site", site, "--region", region] + groups.flatMap { ["--group", $0] })
        guard added.status == 0 else { throw HarnessError("device add \(id): \(added.standardError)") }
        return added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Makes a new key and posts `POST /v1/device/enroll` with `code` (no client certificate).
    func enroll(code: String) async throws -> (status: Int, body: Data) {
        let key = P256.Signing.PrivateKey()
        try Data(key.pemRepresentation.utf8).write(to: URL(fileURLWithPath: keyPath))
        let signingRequest = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName(id) }, privateKey: .init(key),
            attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256)
        let body = try JSONEncoder().encode(
            ["deviceId": id, "code": code, "csr": try signingRequest.serializeAsPEM().pemString])
        let response = try await request("POST", "/v1/device/enroll", json: body, clientCertificate: false)
        return (response.status, response.body)
    }

    /// One device API call. `clientCertificate: false` calls without one (enrollment, negative tests).
    func request(
        _ method: String, _ path: String, json: Data? = nil, headers: [String: String] = [:],
        clientCertificate: Bool = true
    ) async throws -> HTTPReply {
        var arguments = ["--cacert", gateway.caDirectory.appendingPathComponent("ca.pem").path]
        if clientCertificate { arguments += ["--cert", certificatePath, "--key", keyPath] }
        return try await Curl.request(
            method, "https://127.0.0.1:\(gateway.devicePort)\(path)", json: json, headers: headers,
            extraArguments: arguments)
    }
}

/// An HTTP answer as curl saw it.
struct HTTPReply: Sendable {
    /// 0 when no HTTP answer came (TLS refused, connection failed).
    var status: Int
    /// Lower-cased names; a repeated header's values joined by newlines.
    var headers: [String: String]
    var body: Data
    /// curl's exit status (non-zero: transport failure) and message.
    var curlStatus: Int32
    var curlError: String

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// curl as the HTTP client of the gateway tests (real TLS, client certificates, gzip).
enum Curl {
    static func request(
        _ method: String, _ url: String, json: Data? = nil, headers: [String: String] = [:],
        extraArguments: [String] = []
    ) async throws -> HTTPReply {
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bodyFile = scratch.appendingPathComponent("body").path
        let headerFile = scratch.appendingPathComponent("headers").path
        var arguments = [
            "-sS", "-X", method, "-o", bodyFile, "-D", headerFile, "-w", "%{http_code}", "--max-time", "30",
        ]
        arguments += extraArguments
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
        if let json {
            let requestFile = scratch.appendingPathComponent("request").path
            try json.write(to: URL(fileURLWithPath: requestFile))
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@\(requestFile)"]
        }
        arguments.append(url)
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/curl"), arguments)
        var replyHeaders: [String: String] = [:]
        let headerText = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        for line in headerText.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            // A repeated header (Set-Cookie) keeps every value, one per line.
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            replyHeaders[name] = replyHeaders[name].map { $0 + "\n" + value } ?? value
        }
        return HTTPReply(
            status: Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0,
            headers: replyHeaders, body: (try? Data(contentsOf: URL(fileURLWithPath: bodyFile))) ?? Data(),
            curlStatus: result.status, curlError: result.standardError)
    }
}
