import Foundation
import KioskCore
import KioskProtocol

/// Kiosk records and submission items for the submission tests.
enum SubmissionFixture {
    static let requestedAt = Date(timeIntervalSince1970: 1_772_676_000)

    static func mailRequest(case number: String = "DEMO-LJG-0002", key: String, address: String = "天河北路233号")
        -> MailRequest
    {
        MailRequest(
            caseNumber: number, idempotencyKey: key, recipientName: "李建国", phone: "13912345678",
            regionCode: "440106", address: address, postcode: "510000", certificateName: "营业执照",
            requestedAt: requestedAt)
    }

    static func item(_ request: MailRequest) throws -> SubmissionItem {
        SubmissionItem(
            idempotencyKey: request.idempotencyKey, kind: .mailRequest, createdAt: requestedAt,
            payload: try JSONDocument(encoding: request))
    }

    static func item(_ evaluation: Evaluation) throws -> SubmissionItem {
        SubmissionItem(
            idempotencyKey: evaluation.idempotencyKey, kind: .evaluation, createdAt: requestedAt,
            payload: try JSONDocument(encoding: evaluation))
    }

    /// SQL adding a site and devices (no enrollment needed at the database level).
    static func devicesSQL(_ ids: [String]) -> String {
        "INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');"
            + ids.map { "INSERT INTO device (id, site_id, region_code) VALUES ('\($0)', 'hall-1', '370102');" }
            .joined()
    }
}
