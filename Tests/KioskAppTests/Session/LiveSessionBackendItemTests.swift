import Foundation
import KioskCore
import KioskDevices
import KioskTestSupport
import KioskUI
import Logging
import Testing

@testable import KioskApp

/// The live back end over an in-memory AppDatabase and the preview printer: the service item's
/// phones and mail policy are used, and the full mail address stays off paper and out of the log.
@Suite struct LiveSessionBackendItemTests {
    static let now = ServiceItemFixture.now
    static let siteConsult = "0000-12345"
    static let siteSupervision = "0000-12389"
    static let recordAddress = ServiceItemFixture.recordAddress

    /// A backend over a fresh database and a preview printer writing into a new temporary folder.
    struct Fixture {
        let backend: LiveSessionBackend
        let sink: MemorySink
        let folder: URL
        let token: SessionToken

        /// The text of the `n`th printed receipt.
        func receipt(_ n: Int) throws -> String {
            let file = folder.appendingPathComponent("receipt-" + n.zeroPadded(4) + ".txt")
            return try String(contentsOf: file, encoding: .utf8)
        }
    }

    static func fixture() async throws -> Fixture {
        let database = try await ServiceItemFixture.database()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-items-\(UUID().uuidString)")
        let sink = MemorySink()
        let logger = Logger(label: "kiosk.test") { MaskingLogHandler(label: $0, sink: sink, level: .trace) }
        let backend = LiveSessionBackend(
            .init(
                database: database, backOffice: LocalBackOffice(database: database, terminalId: "T-01"),
                printer: PreviewPrinter(folder: folder, profile: .mm80),
                deadlines: DeadlineCalculator(calendar: WorkingDayCalendar()),
                receiptSite: ReceiptSite(
                    siteName: "东城区政务服务中心", terminalID: "T-01", qrLink: ReceiptQRLink(key: Array(0..<16))),
                terminalId: "T-01", regionCode: "110101", consultPhone: siteConsult,
                supervisionPhone: siteSupervision, now: { now }, logger: logger))
        let identity = Identity(
            kind: .residentIDCard, name: "张晓梅", sex: .female, nation: Nation(code: "01"),
            birthDate: CardDate(yyyymmdd: "19491231"), address: "北京市朝阳区示例路88号", number: "11010519491231002X",
            issuingAuthority: "北京市公安局朝阳分局", validity: nil,
            photo: CardPhoto(bytes: [UInt8](repeating: 0x5A, count: 1024)))
        let (token, _) = await backend.open(identity: identity)
        return Fixture(backend: backend, sink: sink, folder: folder, token: token)
    }

    @Test("rows, detail and slips use the 办件's phones, else the item's, else the site's")
    func phonesFallBackThroughTheItem() async throws {
        let fixture = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let backend = fixture.backend
        let rows = try await backend.caseFiles(session: fixture.token)
        #expect(
            Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0.canMail) }) == [
                "A-1": false, "A-2": true, "A-3": true, "A-4": false,
            ])
        #expect(try await backend.detail(number: "A-1", session: fixture.token).phone == "0571-110")
        #expect(try await backend.detail(number: "A-2", session: fixture.token).phone == Self.siteConsult)
        #expect(try await backend.detail(number: "A-3", session: fixture.token).phone == Self.siteConsult)
        #expect(try await backend.detail(number: "A-4", session: fixture.token).phone == "010-1")
        #expect(try await backend.detail(number: "A-1", session: fixture.token).row.canMail == false)

        #expect(await backend.printSlip(number: "A-1", session: fixture.token) == .printed)
        let slip = try fixture.receipt(1)
        #expect(slip.contains("0571-110"), "\(slip)")
        #expect(slip.contains("0571-12389"), "\(slip)")
        #expect(!slip.contains(Self.siteConsult) && !slip.contains(Self.siteSupervision), "\(slip)")
        #expect(await backend.printSlip(number: "A-4", session: fixture.token) == .printed)
        let own = try fixture.receipt(2)
        #expect(own.contains("010-1") && own.contains("010-2"), "\(own)")
        #expect(await backend.printSlip(number: "A-3", session: fixture.token) == .printed)
        let site = try fixture.receipt(3)
        #expect(site.contains(Self.siteConsult) && site.contains(Self.siteSupervision), "\(site)")
    }

    @Test("mail is not offered when the item disallows it; the full address stays off paper and out of the log")
    func mailPolicyAndMasking() async throws {
        let fixture = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let backend = fixture.backend
        _ = try await backend.caseFiles(session: fixture.token)
        await #expect(throws: (any Error).self) {
            try await backend.mailDefaults(number: "A-1", session: fixture.token)
        }

        var draft = try await backend.mailDefaults(number: "A-2", session: fixture.token)
        #expect(draft.selectedAddress?.fullText == Self.recordAddress)
        #expect(draft.selectedAddress?.maskedText == "北京市东城区****")
        draft.phone = "13812345678"
        Logger(label: "kiosk.test") { MaskingLogHandler(label: $0, sink: fixture.sink, level: .trace) }
            .info("draft \(draft)", metadata: ["mail.draft": "\(draft)", "mail.address": "\(draft.selectedAddress!)"])
        guard case .stored(let receipt) = await backend.submitMail(draft, session: fixture.token) else {
            Issue.record("mail request not stored")
            return
        }
        #expect(receipt.maskedAddress == "北京市东城区****")
        #expect(await backend.printMailReceipt(receipt, session: fixture.token) == .printed)
        let paper = try fixture.receipt(1)
        #expect(paper.contains("北京市东城区****"), "\(paper)")
        #expect(!paper.contains("东四北大街"), "\(paper)")
        // The item's blank consult phone falls back to the site's; its supervision phone is used.
        #expect(paper.contains(Self.siteConsult) && paper.contains("0571-12389"), "\(paper)")
        await backend.endSession(fixture.token)
        let log = fixture.sink.lines.joined(separator: "\n")
        #expect(fixture.sink.lines.count >= 3)
        #expect(!log.contains("东四北大街"), "\(log)")
    }
}
