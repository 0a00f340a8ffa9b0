/// A field of a mail request that failed validation, with a message for the citizen (Chinese)
/// and one for logs (English, no personal data).
package struct MailValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending field.
    package enum Field: String, Sendable, CaseIterable {
        case recipientName, phone, regionCode, address, postcode, caseNumber, certificateName, idempotencyKey
    }

    package enum Problem: Sendable, Equatable {
        case missing
        case invalid
        case tooLong(max: Int)
    }

    package let field: Field
    package let problem: Problem

    package init(_ field: Field, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }

    /// What the citizen reads on screen.
    package var citizenMessage: String {
        let name: String =
            switch field {
            case .recipientName: "收件人姓名"
            case .phone: "手机号码"
            case .regionCode: "所在地区"
            case .address: "详细地址"
            case .postcode: "邮政编码"
            case .caseNumber: "办件编号"
            case .certificateName: "证照名称"
            case .idempotencyKey: "请求编号"
            }
        switch (field, problem) {
        case (_, .missing): return "请填写\(name)"
        case (.phone, .invalid): return MobileNumber.ruleMessage
        case (.postcode, .invalid): return "邮政编码应为6位数字"
        case (.regionCode, .invalid): return "请选择省、市、区县"
        case (_, .invalid): return "\(name)格式不正确"
        case (_, .tooLong(let max)): return "\(name)不能超过\(max)个字"
        }
    }

    package var description: String {
        switch problem {
        case .missing: "mail request: \(field.rawValue) is missing"
        case .invalid: "mail request: \(field.rawValue) is not valid"
        case .tooLong(let max): "mail request: \(field.rawValue) is longer than \(max) characters"
        }
    }
}
