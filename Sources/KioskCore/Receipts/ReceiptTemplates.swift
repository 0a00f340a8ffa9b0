/// The kiosk's receipts (rule R15): the application status slip (办件进度凭条) and the mail-request
/// receipt (邮寄申请回执).
///
/// Every personal value passes through ``Masking`` here, before the receipt exists; the QR code
/// carries only the 办件编号 and a ``ReceiptToken``.
package enum ReceiptTemplates {
    /// The application status slip.
    /// - Parameters:
    ///   - input: The 办件's facts.
    ///   - site: Site name, terminal id and QR link settings.
    ///   - printedAt: The print time as shown (e.g. `2026-11-22 09:30`).
    ///   - now: The current time, for the token's expiry.
    package static func caseFileSlip(
        _ input: CaseFileSlipInput,
        site: ReceiptSite,
        printedAt: String,
        now: UnixTime
    ) -> Receipt {
        receipt(
            title: "kiosk status slip", heading: "办件进度凭条",
            fields: [
                .field(label: "事项名称", value: input.itemName),
                .field(label: "办件编号", value: input.caseNumber),
                .field(label: "受理时间", value: input.acceptedAt),
                .field(label: "当前状态", value: input.status),
                .field(label: "承诺办结", value: input.promisedDate),
                .field(label: "受理部门", value: input.department),
                .field(label: "申请人", value: Masking.name(input.applicantName)),
                .field(label: "证件号码", value: Masking.idNumber(input.applicantIDNumber)),
            ],
            footer: Footer(
                caseNumber: input.caseNumber, consultPhone: input.consultPhone,
                supervisionPhone: input.supervisionPhone, site: site, printedAt: printedAt, now: now)
        )
    }

    /// The mail-request receipt.
    /// - Parameters:
    ///   - input: The request's facts.
    ///   - site: Site name, terminal id and QR link settings.
    ///   - printedAt: The print time as shown.
    ///   - now: The current time, for the token's expiry.
    package static func mailRequest(
        _ input: MailRequestReceiptInput,
        site: ReceiptSite,
        printedAt: String,
        now: UnixTime
    ) -> Receipt {
        receipt(
            title: "kiosk mail request", heading: "邮寄申请回执",
            fields: [
                .field(label: "事项名称", value: input.itemName),
                .field(label: "办件编号", value: input.caseNumber),
                .field(label: "寄送证照", value: input.certificateName),
                .field(label: "申请时间", value: input.requestedAt),
                .field(label: "当前状态", value: input.status),
                .field(label: "承诺办结", value: input.promisedDate),
                .field(label: "受理部门", value: input.department),
                .field(label: "收件人", value: Masking.name(input.recipientName)),
                .field(label: "联系电话", value: Masking.phone(input.recipientPhone)),
                .field(label: "收件地址", value: Masking.address(input.recipientAddress)),
                .field(label: "邮政编码", value: input.postcode),
            ],
            footer: Footer(
                caseNumber: input.caseNumber, consultPhone: input.consultPhone,
                supervisionPhone: input.supervisionPhone, site: site, printedAt: printedAt, now: now)
        )
    }

    /// What the footer shared by both receipts prints: phones, terminal, print time and the QR code.
    private struct Footer {
        var caseNumber: String
        var consultPhone: String
        var supervisionPhone: String
        var site: ReceiptSite
        var printedAt: String
        var now: UnixTime

        /// Phones, terminal, print time, the QR code and the cut.
        var elements: [ReceiptElement] {
            [
                .field(label: "咨询电话", value: consultPhone),
                .field(label: "监督电话", value: supervisionPhone),
                .field(label: "终端编号", value: site.terminalID),
                .field(label: "打印时间", value: printedAt),
                .feed(lines: 1),
                .qrCode(payload: site.qrLink.url(for: caseNumber, now: now)),
                .text("扫码查询办理进度", .centered),
                .cut(partial: true),
            ]
        }
    }

    /// A receipt of the site: its name and `heading` on top, `fields` between rules, then `footer`.
    private static func receipt(
        title: String, heading: String, fields: [ReceiptElement], footer: Footer
    ) -> Receipt {
        let header: [ReceiptElement] = [.text(footer.site.siteName, .centered), .text(heading, .title), .rule]
        return Receipt(title: title, elements: header + fields + [.rule] + footer.elements)
    }
}

extension ReceiptTemplates {
    /// The payload of the test receipt's QR code.
    package static let printerTestPayload = "https://zwfw.example.gov.cn/q?id=TEST-0001&t=printer-test"

    /// The test receipt printed by `kiosk printer test`: sizes, Chinese text (GB 2312 and a rarer
    /// GBK hanzi), a rule, a field, a QR code and the cut.
    package static func printerTest(profileName: String, printedAt: String) -> Receipt {
        Receipt(
            title: "kiosk printer test",
            elements: [
                .text("打印机测试", .title),
                .text("Printer test", .centered),
                .rule,
                .field(label: "纸宽", value: profileName),
                .field(label: "打印时间", value: printedAt),
                .text("政务服务自助终端：中文打印正常。"),
                .text("繁體與生僻字：鎔堃"),
                .text("ASCII 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                .text("粗体 Bold", ReceiptTextStyle(bold: true)),
                .rule,
                .qrCode(payload: printerTestPayload),
                .text("扫码应打开测试页", .centered),
                .cut(partial: true),
            ]
        )
    }
}
