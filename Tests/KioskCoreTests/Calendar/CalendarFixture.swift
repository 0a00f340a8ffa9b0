import Foundation
import KioskCore

/// The repository's bundled calendar, found relative to this source file (the tests do not depend
/// on where the build puts the binary).
enum CalendarFixture {
    static let assets = AssetLocator.Assets(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets"))

    static let bundled: WorkingDayCalendar = {
        do {
            return try WorkingDayCalendar.bundled(assets: assets)
        } catch {
            fatalError("the bundled calendar must load: \(error)")
        }
    }()

    /// A time on a civil day in China Standard Time.
    static func time(_ day: String, _ hour: Int = 10, _ minute: Int = 0) -> Date {
        CivilDate(iso: day)!.startOfDay!.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }
}
