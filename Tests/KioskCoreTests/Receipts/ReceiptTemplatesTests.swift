import KioskTestSupport
import Testing

@testable import KioskCore

@Suite struct ReceiptTemplatesTests {
    static let slipInput = CaseFileSlipInput(
        itemName: "城乡居民基本养老保险待遇申领",
        caseNumber: "BJ2026-000123",
        acceptedAt: "2026-11-20 09:30",
        status: "办理中",
        promisedDate: "2026-12-04",
        department: "市人社局",
        consultPhone: "0371-12345678",
        supervisionPhone: "12345",
        applicantName: "张三丰",
        applicantIDNumber: "11010519491231002X"
    )

    static let mailInput = MailRequestReceiptInput(
        itemName: "不动产登记",
        caseNumber: "ZJ2026-7",
        certificateName: "不动产权证书",
        requestedAt: "2026-11-22 10:00",
        status: "已申请",
        promisedDate: "2026-11-29",
        department: "市自然资源局",
        consultPhone: "0571-1",
        supervisionPhone: "12345",
        recipientName: "李四",
        recipientPhone: "13812345678",
        recipientAddress: "浙江省杭州市西湖区文三路90号3幢501室",
        postcode: "310012"
    )

    private func text(_ receipt: Receipt) -> String {
        ReceiptTextRenderer.lines(of: receipt, columns: 48).joined(separator: "\n")
    }

    /// The slip of ``slipInput`` printed at `printedAt`.
    private func slip(printedAt: String = "2026-11-22 10:00") -> Receipt {
        ReceiptTemplates.caseFileSlip(
            Self.slipInput, site: ReceiptFixture.site, printedAt: printedAt, now: ReceiptFixture.now)
    }

    /// The receipt of ``mailInput`` printed at `printedAt`.
    private func mailReceipt(printedAt: String = "2026-11-22 10:00") -> Receipt {
        ReceiptTemplates.mailRequest(
            Self.mailInput, site: ReceiptFixture.site, printedAt: printedAt, now: ReceiptFixture.now)
    }

    private func qrPayload(_ receipt: Receipt) -> String? {
        for case .qrCode(let payload) in receipt.elements { return payload }
        return nil
    }

    @Test func statusSlipHasEveryR15Field() {
        let receipt = slip()
        let shown = text(receipt)
        for expected in [
            "事项名称：城乡居民基本养老保险待遇申领", "办件编号：BJ2026-000123", "受理时间：2026-11-20 09:30", "当前状态：办理中",
            "承诺办结：2026-12-04", "受理部门：市人社局", "咨询电话：0371-12345678", "监督电话：12345", "申请人：张*丰",
            "证件号码：110***********002X", "终端编号：ZZ-0042", "打印时间：2026-11-22 10:00",
        ] {
            #expect(shown.contains(expected), "missing \(expected)")
        }
        #expect(!shown.contains("11010519491231002X"))
        #expect(!shown.contains("张三丰"))
        #expect(receipt.elements.last == .cut(partial: true))
    }

    @Test func mailReceiptMasksTheRecipient() {
        let receipt = mailReceipt()
        let shown = text(receipt)
        #expect(shown.contains("收件人：李*"))
        #expect(shown.contains("联系电话：138****5678"))
        #expect(shown.contains("收件地址：浙江省杭州市西湖区****"))
        #expect(!shown.contains("13812345678"))
        #expect(!shown.contains("文三路"))
    }

    @Test func qrCarriesOnlyTheNumberAndAToken() throws {
        for receipt in [slip(printedAt: "x"), mailReceipt(printedAt: "x")] {
            let payload = try #require(qrPayload(receipt))
            #expect(payload.hasPrefix("https://zwfw.example.gov.cn/q?id="))
            for personal in ["张三丰", "11010519491231002X", "1101", "李四", "13812345678", "文三路", "%E5%BC%A0"] {
                #expect(!payload.contains(personal))
            }
        }
    }
}
