import Foundation
import KioskCore
import KioskTerminal
import KioskUI

/// Paths and data shared by the KioskUI tests.
enum Fixtures {
    /// The repository root, found from this file's path (Tests/KioskUITests/Support/Fixtures.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The repository's assets directory.
    static let assetsDirectory = repositoryRoot.appendingPathComponent("assets")

    /// Both catalogs, loaded from the repository (the same files the app ships).
    static let strings: UIStrings = {
        do {
            return try UIStrings.load(assetsDirectory: assetsDirectory)
        } catch {
            fatalError("cannot load the string catalogs: \(error)")
        }
    }()

    /// The sizes every rendering test runs at.
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// The sample cards' holders (names as on the demo cards).
    static let sampleNames = ["张晓梅", "李建国", "王秀英", "吴\u{20BB7}", "陈家明", "约翰", "赵磊"]

    /// A masked summary for a sample name, made with KioskCore's masking like the app does.
    static func citizen(_ name: String, id: String = "11010519491231002X", expired: Bool = false) -> CitizenSummary {
        CitizenSummary(maskedName: Masking.name(name), maskedIdNumber: Masking.idNumber(id), cardExpired: expired)
    }

    /// A list row.
    static func row(_ index: Int, overdue: Bool = false, dueSoon: Bool = false, canMail: Bool = true) -> CaseFileRow {
        CaseFileRow(
            number: "11010520261101000\(index)", itemName: itemNames[index % itemNames.count], statusText: "办理中",
            promisedDateText: "2026年12月\(index + 1)日", isOverdue: overdue, isDueSoon: dueSoon, isEstimated: index == 2,
            canMail: canMail)
    }

    /// Item names used in the fake data (checked for absence after a session ends).
    static let itemNames = ["不动产登记", "居民身份证换领", "社会保障卡申领", "营业执照变更", "出入境证件办理"]

    /// A detail for `row`.
    static func detail(_ row: CaseFileRow) -> CaseFileDetail {
        CaseFileDetail(
            row: row, acceptedText: "2026年11月1日 09:30", department: "市不动产登记中心", phone: "010-12345678",
            steps: [
                TimelineStep(title: "受理", timeText: "11月1日", state: .done),
                TimelineStep(title: "审查", timeText: "11月5日", state: .current),
                TimelineStep(title: "办结", timeText: "", state: .pending),
            ])
    }

    /// A small QR-like image (21 modules, version 1 size) with a recognisable pattern.
    static let qr = QRMatrix(
        width: 21, modules: (0..<21).flatMap { y in (0..<21).map { x in (x * 7 + y * 3) % 5 == 0 || x == 0 || y == 0 } }
    )
}
