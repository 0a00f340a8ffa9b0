import Foundation

/// Invented demo data for `kiosk demo` and for the other engineers' tests: dozens of 办件 across
/// every state, dated relative to `now` so 超期 and 临期 stay meaningful whenever the demo runs.
///
/// Sample cards (all invented): 张晓梅 11010519491231002X, 李建国 440106198703150016, 王秀英
/// 330102196207040045, 吴𠮷 320583197809090085, 陈家明 810000199408230013, 约翰 SMITH JOHN
/// 931156198506120011, 赵磊 510107199001010034. The no-card 办件 and their 查询密码 are listed in
/// ``queryPasswords`` and in docs/data-formats.md.
package enum DemoData {
    /// A sample card holder.
    package struct Person: Sendable {
        package var name: String
        package var idNumber: String
        package var address: String
    }

    package static let zhangXiaomei = Person(
        name: "张晓梅", idNumber: "11010519491231002X", address: "北京市朝阳区安贞街道安华里三区5号楼2单元301")
    package static let liJianguo = Person(
        name: "李建国", idNumber: "440106198703150016", address: "广东省广州市天河区天河北路233号中信广场18楼")
    package static let wangXiuying = Person(
        name: "王秀英", idNumber: "330102196207040045", address: "浙江省杭州市上城区清波街道河坊街88号")
    package static let wuJi = Person(
        name: "吴𠮷", idNumber: "320583197809090085", address: "江苏省苏州市昆山市玉山镇人民路166号")
    package static let chenJiaming = Person(
        name: "陈家明", idNumber: "810000199408230013", address: "广东省深圳市福田区福华三路88号")
    package static let john = Person(
        name: "约翰 SMITH JOHN", idNumber: "931156198506120011", address: "上海市浦东新区世纪大道100号")
    package static let zhaoLei = Person(
        name: "赵磊", idNumber: "510107199001010034", address: "四川省成都市武侯区人民南路四段9号")

    /// The seven sample cards.
    package static let sampleCards = [zhangXiaomei, liJianguo, wangXiuying, wuJi, chenJiaming, john, zhaoLei]

    /// 办件编号 → 查询密码 of the demo 办件 that can be looked up without a card.
    package static let queryPasswords: [(number: String, password: String)] = [
        ("DEMO-Q-0001", "234765"),
        ("DEMO-Q-0002", "908172"),
        ("DEMO-Q-0003", "551903"),
    ]

    /// The demo service items.
    package static let items: [ServiceItem] = [
        ServiceItem(
            code: "DEMO-BDC-01", name: "不动产权证书首次登记", department: "市不动产登记中心", allowsMail: true,
            consultPhone: "0571-12345", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-SCJG-01", name: "营业执照变更登记", department: "市市场监督管理局", allowsMail: true,
            consultPhone: "0571-12315", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-SCJG-02", name: "食品经营许可证核发", department: "市市场监督管理局", allowsMail: true,
            consultPhone: "0571-12315", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-RS-01", name: "城乡居民基本养老保险待遇申领", department: "市人力资源和社会保障局",
            allowsMail: false, consultPhone: "12333", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-YB-01", name: "异地就医备案", department: "市医疗保障局", allowsMail: false,
            consultPhone: "12393", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-MZ-01", name: "高龄津贴申领", department: "区民政局", allowsMail: true,
            consultPhone: "0571-96345", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-CL-01", name: "残疾人证新办", department: "区残疾人联合会", allowsMail: true,
            consultPhone: "0571-96111", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-GH-01", name: "建设工程规划许可证核发", department: "市规划和自然资源局", allowsMail: true,
            consultPhone: "0571-12336", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-GA-01", name: "户口迁移(投靠)", department: "市公安局", allowsMail: false,
            consultPhone: "0571-110", supervisionPhone: "0571-12389"),
        ServiceItem(
            code: "DEMO-CRJ-01", name: "外国人工作许可延期", department: "市科学技术局", allowsMail: true,
            consultPhone: "0571-12345", supervisionPhone: "0571-12389"),
    ]

    /// Stores the demo items and 办件 (replacing earlier demo rows with the same numbers).
    ///
    /// - Returns: the number of 办件 stored.
    @discardableResult
    package static func seed(into database: AppDatabase, now: Date) async throws -> Int {
        let content = CaseFileImport.Content(items: items, caseFiles: caseFiles(now: now))
        return try await database.importCaseFiles(content)
    }

    /// Where a demo 办件 stands.
    private enum Shape {
        case received, accepted, inProgress, correction, special, overdue, dueSoon, immediateToday
        case approved(mail: Bool)
        case delivered, refused, notAccepted, returned, forwarded, voided, withdrawn

        var isAccepted: Bool {
            switch self {
            case .received, .notAccepted: false
            default: true
            }
        }
    }

    private struct Spec {
        var number: String
        var person: Person
        var item: Int
        var shape: Shape
        var agent: Person? = nil
        var password: String? = nil
    }

    /// Invented filler citizens so the replica holds more than the sample cards.
    private static let fillers: [Person] = [
        ("刘芳", "110101", "19850314", "028"), ("周伟", "310104", "19791102", "051"), ("孙丽", "420102", "19920617", "064"),
        ("马超", "610103", "19880220", "015"), ("朱婷", "350203", "19950808", "086"), ("胡军", "370102", "19700505", "031"),
        ("郭静", "500103", "20000101", "048"), ("何平", "530102", "19661212", "077"),
    ].map { name, area, birth, sequence in
        Person(name: name, idNumber: idNumber(area: area, birth: birth, sequence: sequence), address: "浙江省杭州市西湖区文三路90号")
    }

    private static var specs: [Spec] {
        var specs: [Spec] = [
            Spec(number: "DEMO-ZXM-0001", person: zhangXiaomei, item: 5, shape: .approved(mail: true)),
            Spec(number: "DEMO-ZXM-0002", person: zhangXiaomei, item: 3, shape: .inProgress),
            Spec(number: "DEMO-ZXM-0003", person: zhangXiaomei, item: 4, shape: .immediateToday),
            Spec(number: "DEMO-ZXM-0004", person: zhangXiaomei, item: 6, shape: .dueSoon),
            Spec(number: "DEMO-LJG-0001", person: liJianguo, item: 1, shape: .overdue),
            Spec(number: "DEMO-LJG-0002", person: liJianguo, item: 2, shape: .approved(mail: true)),
            Spec(number: "DEMO-LJG-0003", person: liJianguo, item: 7, shape: .special),
            Spec(number: "DEMO-LJG-0004", person: liJianguo, item: 1, shape: .voided),
            Spec(number: "DEMO-LJG-0005", person: liJianguo, item: 8, shape: .withdrawn),
            Spec(number: "DEMO-WXY-0001", person: wangXiuying, item: 0, shape: .correction),
            Spec(number: "DEMO-WXY-0002", person: wangXiuying, item: 5, shape: .delivered),
            Spec(number: "DEMO-WXY-0003", person: wangXiuying, item: 3, shape: .refused),
            Spec(number: "DEMO-WJ-0001", person: wuJi, item: 0, shape: .approved(mail: true)),
            Spec(number: "DEMO-WJ-0002", person: wuJi, item: 2, shape: .dueSoon),
            Spec(number: "DEMO-WJ-0003", person: wuJi, item: 8, shape: .notAccepted),
            Spec(number: "DEMO-CJM-0001", person: chenJiaming, item: 1, shape: .accepted),
            Spec(number: "DEMO-CJM-0002", person: chenJiaming, item: 2, shape: .approved(mail: false)),
            Spec(number: "DEMO-CJM-0003", person: chenJiaming, item: 1, shape: .overdue),
            Spec(number: "DEMO-JS-0001", person: john, item: 9, shape: .inProgress),
            Spec(number: "DEMO-JS-0002", person: john, item: 9, shape: .approved(mail: true)),
            Spec(number: "DEMO-JS-0003", person: john, item: 4, shape: .returned),
            Spec(number: "DEMO-ZL-0001", person: zhaoLei, item: 1, shape: .received),
            Spec(number: "DEMO-ZL-0002", person: zhaoLei, item: 7, shape: .forwarded),
            Spec(number: "DEMO-ZL-0003", person: zhaoLei, item: 0, shape: .overdue),
            // Agent cases: 赵磊 applied for his elder neighbour; 李建国 for 王秀英.
            Spec(number: "DEMO-ZL-0004", person: zhangXiaomei, item: 6, shape: .approved(mail: true), agent: zhaoLei),
            Spec(number: "DEMO-LJG-0006", person: wangXiuying, item: 0, shape: .inProgress, agent: liJianguo),
            // No-card lookups.
            Spec(
                number: queryPasswords[0].number, person: fillers[0], item: 1, shape: .inProgress,
                password: queryPasswords[0].password),
            Spec(
                number: queryPasswords[1].number, person: fillers[1], item: 2, shape: .approved(mail: true),
                password: queryPasswords[1].password),
            Spec(
                number: queryPasswords[2].number, person: fillers[2], item: 0, shape: .correction,
                password: queryPasswords[2].password),
        ]
        let shapes: [Shape] = [
            .accepted, .inProgress, .overdue, .dueSoon, .approved(mail: true), .delivered, .refused, .correction,
            .special, .approved(mail: false), .inProgress, .notAccepted,
        ]
        for (index, shape) in shapes.enumerated() {
            let person = fillers[(index + 3) % fillers.count]
            specs.append(
                Spec(
                    number: "DEMO-F-" + (index + 1).zeroPadded(4), person: person, item: index % items.count,
                    shape: shape))
        }
        return specs
    }

    /// The demo 办件 as of `now`.
    package static func caseFiles(now: Date) -> [CaseFile] {
        specs.map { makeCaseFile($0, now: now) }
    }

    private static func makeCaseFile(_ spec: Spec, now: Date) -> CaseFile {
        let item = items[spec.item]
        let day: TimeInterval = 86_400
        let today = CivilDate(now)
        func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * day) }
        var caseFile = CaseFile(
            number: spec.number, itemName: item.name, itemCode: item.code, department: item.department,
            applicantName: spec.person.name, applicantIdNumber: spec.person.idNumber,
            agentIdNumber: spec.agent?.idNumber, approvalType: .promised, statusCode: 8, acceptedAt: daysAgo(5),
            promiseLimit: TimeLimit(20, .workingDays), itemAllowsMail: item.allowsMail,
            certificateName: item.allowsMail ? item.name.replacingOccurrences(of: "核发", with: "") : nil,
            consultPhone: item.consultPhone, supervisionPhone: item.supervisionPhone,
            addressOnRecord: spec.person.address, queryPasswordHash: spec.password.map(QueryPassword.hash),
            updatedAt: now)
        var steps = [CaseStep(name: "收件", handler: item.department, start: daysAgo(5.2), end: daysAgo(5))]
        switch spec.shape {
        case .received:
            caseFile.statusCode = 1
            caseFile.acceptedAt = nil
            steps = [CaseStep(name: "收件", handler: item.department, start: daysAgo(0.5))]
        case .accepted:
            caseFile.statusCode = 3
            caseFile.acceptedAt = daysAgo(1)
        case .inProgress:
            caseFile.statusCode = 8
        case .correction:
            caseFile.statusCode = 6
            caseFile.acceptedAt = daysAgo(9)
            caseFile.pauses = [PausedInterval(kind: .correction, start: daysAgo(4), end: nil)]
            steps.append(CaseStep(name: "补齐补正", handler: item.department, start: daysAgo(4), opinion: "请补充提交材料原件"))
        case .special:
            caseFile.statusCode = 9
            caseFile.acceptedAt = daysAgo(15)
            caseFile.pauses = [
                PausedInterval(kind: .correction, start: daysAgo(13), end: daysAgo(11)),
                PausedInterval(kind: .specialProcedure, start: daysAgo(3), end: nil),
            ]
            steps.append(CaseStep(name: "专家评审", handler: item.department, start: daysAgo(3)))
        case .overdue:
            caseFile.statusCode = 8
            caseFile.acceptedAt = daysAgo(40)
            caseFile.promisedAt = today.adding(days: -3).endOfDay
        case .dueSoon:
            caseFile.statusCode = 8
            caseFile.acceptedAt = daysAgo(25)
            caseFile.promisedAt = today.adding(days: 1).endOfDay
        case .immediateToday:
            caseFile.approvalType = .immediate
            caseFile.statusCode = 3
            caseFile.acceptedAt = today.startOfDay.map { max($0, now.addingTimeInterval(-600)) } ?? now
            caseFile.promiseLimit = 0
        case .approved(let mail):
            caseFile.statusCode = 11
            caseFile.resultCode = 0
            caseFile.acceptedAt = daysAgo(12)
            caseFile.finishedAt = daysAgo(1)
            caseFile.mailFlagged = mail && item.allowsMail
            steps.append(
                CaseStep(name: "办结", handler: item.department, start: daysAgo(1), end: daysAgo(1), opinion: "准予许可"))
        case .delivered:
            caseFile.statusCode = 11
            caseFile.resultCode = 0
            caseFile.acceptedAt = daysAgo(30)
            caseFile.finishedAt = daysAgo(20)
            caseFile.deliveredAt = daysAgo(18)
        case .refused:
            caseFile.statusCode = 13
            caseFile.resultCode = 1
            caseFile.acceptedAt = daysAgo(20)
            caseFile.finishedAt = daysAgo(2)
            steps.append(
                CaseStep(
                    name: "办结", handler: item.department, start: daysAgo(2), end: daysAgo(2), opinion: "不符合受理条件第三项"))
        case .notAccepted:
            caseFile.statusCode = 5
            caseFile.resultCode = 6
            caseFile.finishedAt = daysAgo(4)
        case .returned:
            caseFile.statusCode = 13
            caseFile.resultCode = 5
            caseFile.acceptedAt = daysAgo(45)
            caseFile.finishedAt = daysAgo(6)
        case .forwarded:
            caseFile.statusCode = 11
            caseFile.resultCode = 4
            caseFile.acceptedAt = daysAgo(10)
            caseFile.finishedAt = daysAgo(3)
        case .voided:
            caseFile.statusCode = 11
            caseFile.resultCode = 2
            caseFile.acceptedAt = daysAgo(10)
            caseFile.finishedAt = daysAgo(9)
        case .withdrawn:
            caseFile.statusCode = 14
            caseFile.acceptedAt = daysAgo(8)
        }
        if let accepted = caseFile.acceptedAt, spec.shape.isAccepted {
            steps.append(CaseStep(name: "受理", handler: item.department, start: accepted, end: accepted))
            steps.sort { $0.start < $1.start }
        }
        caseFile.steps = steps
        return caseFile
    }

    /// A valid (GB 11643 check character) invented ID number.
    package static func idNumber(area: String, birth: String, sequence: String) -> String {
        let body = area + birth + sequence
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }
}
