import Foundation
import KioskCore

/// Chinese words for the values devices report, in one place for every page.
enum ConsoleLabels {
    static func paper(_ value: String?) -> String {
        switch value {
        case "ok": "正常"
        case "low": "纸将尽"
        case "out": "缺纸"
        case "unknown", nil: "未知"
        case let other?: other
        }
    }

    static func reader(_ value: String?) -> String {
        switch value {
        case "online": "正常"
        case "offline": "离线"
        case "hardwareError": "故障"
        case "busy": "读卡中"
        case nil: "未知"
        case let other?: other
        }
    }

    static func alarm(_ value: String) -> String {
        switch value {
        case "offline": "离线"
        case "paperLow": "纸将尽"
        case "paperOut": "缺纸"
        case "readerOffline": "读卡器离线"
        case "deadLetters": "有无法投递的记录"
        case "replicaLag": "数据同步滞后"
        case "clockOffset": "时钟偏差"
        case "diskLow": "磁盘空间不足"
        default: value
        }
    }

    static func mailStatus(_ value: String) -> String {
        switch value {
        case "requested": "待交寄"
        case "posted": "已交寄"
        case "inTransit": "运输中"
        case "outForDelivery": "派送中"
        case "delivered": "已签收"
        case "undeliverable": "无法投递"
        case "returned": "已退回"
        default: value
        }
    }

    /// A time for a table cell (+08:00, to the minute); "—" when there is none.
    static func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: ChinaTime.offset)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
