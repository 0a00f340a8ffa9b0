import Foundation
import KioskProtocol

/// The alarms a heartbeat reports (docs/gateway.md, "Heartbeat"), sorted by name.
enum HeartbeatAlarms {
    static let replicaLagLimitS = 3600
    static let clockOffsetLimitS: TimeInterval = 60

    static func compute(_ report: HeartbeatRequest, now: Date) -> [String] {
        var alarms: Set<String> = []
        if report.printers.contains(where: { $0.paper == .low }) { alarms.insert("paperLow") }
        if report.printers.contains(where: { $0.paper == .out }) { alarms.insert("paperOut") }
        if report.reader.state != "online" { alarms.insert("readerOffline") }
        if report.outbox.deadLettered > 0 { alarms.insert("deadLetters") }
        if let lag = report.replica.lagS, lag > replicaLagLimitS { alarms.insert("replicaLag") }
        if let sentAt = report.sentAt, abs(sentAt.timeIntervalSince(now)) > clockOffsetLimitS {
            alarms.insert("clockOffset")
        }
        return alarms.sorted()
    }
}
