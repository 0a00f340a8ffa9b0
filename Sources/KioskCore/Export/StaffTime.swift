import Foundation

/// Times in staff output (exports, lists, the gateway's console): ISO 8601 with the +08:00 offset.
package enum StaffTime {
    package static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: ChinaTime.offset)
        return formatter.string(from: date)
    }
}
