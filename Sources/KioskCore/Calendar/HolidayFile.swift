import Foundation

/// One year file in the NateScarlet/holiday-cn JSON format (MIT):
/// `{"year": 2026, "papers": [...], "days": [{"name": "春节", "date": "2026-02-15", "isOffDay": true}]}`.
///
/// `year` is the year of the State Council notice, so late-December days of year Y may sit in the
/// file of year Y+1. `isOffDay = true` is a day off; `false` is a make-up working day (调休上班) on a
/// weekend. Ordinary weekends are not listed. The same shape, with an optional `region`, is the local
/// override file for regional holidays (放假办法 §4).
package struct HolidayFile: Codable, Sendable, Equatable {
    /// One listed day.
    package struct Day: Codable, Sendable, Equatable {
        package var name: String
        package var date: CivilDate
        package var isOffDay: Bool

        package init(name: String, date: CivilDate, isOffDay: Bool) {
            self.name = name
            self.date = date
            self.isOffDay = isOffDay
        }
    }

    /// The notice year (for an override file: the year it is meant for, optional).
    package var year: Int?
    /// URLs of the source notices (informational).
    package var papers: [String]?
    /// Region the override applies to (a GB/T 2260 code), override files only.
    package var region: String?
    package var days: [Day]

    package init(year: Int?, papers: [String]? = nil, region: String? = nil, days: [Day]) {
        self.year = year
        self.papers = papers
        self.region = region
        self.days = days
    }

    /// Decodes and checks a file: a national file needs a `year`, no day may appear twice.
    ///
    /// - Throws: ``HolidayFileError`` naming the problem (and the day's index when it is one day).
    package static func decode(_ data: Data, requireYear: Bool = true) throws -> HolidayFile {
        let file: HolidayFile
        do {
            file = try JSONDecoder().decode(HolidayFile.self, from: data)
        } catch {
            throw HolidayFileError.malformed(String(describing: error))
        }
        if requireYear {
            guard let year = file.year, (1949...2200).contains(year) else { throw HolidayFileError.missingYear }
        }
        var seen: Set<CivilDate> = []
        for (index, day) in file.days.enumerated() {
            guard seen.insert(day.date).inserted else {
                throw HolidayFileError.duplicateDay(index: index, date: day.date)
            }
        }
        return file
    }
}

/// Why a holiday file was refused.
package struct HolidayFileError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case malformed(String)
        case missingYear
        case duplicateDay(index: Int, date: CivilDate)
    }

    private let kind: Kind

    static func malformed(_ detail: String) -> HolidayFileError { HolidayFileError(kind: .malformed(detail)) }
    static let missingYear = HolidayFileError(kind: .missingYear)
    static func duplicateDay(index: Int, date: CivilDate) -> HolidayFileError {
        HolidayFileError(kind: .duplicateDay(index: index, date: date))
    }

    package var description: String {
        switch kind {
        case .malformed(let detail): "not a holiday-cn JSON file: \(detail)"
        case .missingYear: "the holiday file has no valid \"year\""
        case .duplicateDay(let index, let date): "days[\(index)]: \(date) is listed twice"
        }
    }
}
