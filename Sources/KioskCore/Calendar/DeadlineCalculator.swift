import Foundation

/// Computes promised dates and 超期/临期 status (rules R10–R14) on a ``WorkingDayCalendar``.
package struct DeadlineCalculator: Sendable {
    package var calendar: WorkingDayCalendar
    package var policy: DeadlinePolicy

    package init(calendar: WorkingDayCalendar, policy: DeadlinePolicy = DeadlinePolicy()) {
        self.calendar = calendar
        self.policy = policy
    }

    /// The deadline of a 办件.
    ///
    /// - Parameters:
    ///   - acceptedAt: 受理时间; counting starts the day after (民法典 §201).
    ///   - limit: the promised limit; ignored for 即办件.
    ///   - approvalType: 即办件 are due at the end of the day of acceptance.
    ///   - pauses: 补齐补正, 挂起, 特别程序 intervals, excluded from the count (R12).
    ///   - promisedAt: the platform's 承诺办结时间, used as is when present (R10).
    ///   - now: closes a running pause for the computation.
    /// - Returns: `nil` when neither a platform date nor a limit is known.
    package func deadline(
        acceptedAt: Date, limit: TimeLimit?, approvalType: ApprovalType, pauses: [PausedInterval] = [],
        promisedAt: Date? = nil, now: Date
    ) -> Deadline? {
        let isPaused = pauses.contains { $0.end == nil }
        if let promisedAt {
            return Deadline(
                dueDay: CivilDate(promisedAt.addingTimeInterval(-1)), dueAt: promisedAt, isEstimated: false,
                isPaused: isPaused, source: .platform)
        }
        let accepted = CivilDate(acceptedAt)
        if approvalType == .immediate {
            return Deadline(
                dueDay: accepted, dueAt: accepted.endOfDay, isEstimated: !calendar.isKnown(accepted),
                isPaused: isPaused, source: .computed)
        }
        guard let limit, limit.value >= 0 else { return nil }
        let excluded = pauses.compactMap { $0.excludedDays(now: now) }
        func isExcluded(_ day: CivilDate) -> Bool { excluded.contains { $0.contains(day) } }

        var estimated = false
        var due: CivilDate
        switch limit.unit {
        case .workingDays:
            due = accepted
            var counted = 0
            estimated = !calendar.isKnown(due)
            while counted < limit.value {
                due = due.adding(days: 1)
                estimated = estimated || !calendar.isKnown(due)
                if calendar.isWorkingDay(due) && !isExcluded(due) { counted += 1 }
            }
        case .naturalDays, .months:
            let nominal =
                limit.unit == .months ? accepted.adding(months: limit.value) : accepted.adding(days: limit.value)
            // Every paused calendar day inside the running period pushes the end one day later.
            due = accepted
            var remaining = accepted.distance(to: nominal)
            while remaining > 0 {
                due = due.adding(days: 1)
                if !isExcluded(due) { remaining -= 1 }
            }
            let rolled = calendar.workingDay(onOrAfter: due)
            due = rolled.day
            estimated = rolled.estimated
        case .hours, .minutes:
            let unitSeconds: TimeInterval = limit.unit == .hours ? 3600 : 60
            let paused = pauses.filter { $0.start >= acceptedAt }.reduce(0) { $0 + $1.duration(now: now) }
            let dueAt = acceptedAt.addingTimeInterval(TimeInterval(limit.value) * unitSeconds + paused)
            let day = CivilDate(dueAt)
            return Deadline(
                dueDay: day, dueAt: dueAt, isEstimated: !calendar.isKnown(day), isPaused: isPaused, source: .computed)
        }
        return Deadline(dueDay: due, dueAt: due.endOfDay, isEstimated: estimated, isPaused: isPaused, source: .computed)
    }

    /// Where a 办件 stands: 超期 when open past the deadline or finished after it (R14); 临期 when
    /// open with at most ``DeadlinePolicy/dueSoonWorkingDays`` working days left (today included).
    package func status(of deadline: Deadline, finishedAt: Date?, now: Date) -> DeadlineStatus {
        if let finishedAt {
            return finishedAt > deadline.dueAt ? .finishedLate : .finishedOnTime
        }
        if now > deadline.dueAt { return .overdue }
        var left = 0
        var day = CivilDate(now)
        while day <= deadline.dueDay && left <= policy.dueSoonWorkingDays {
            if calendar.isWorkingDay(day) { left += 1 }
            day = day.adding(days: 1)
        }
        return left <= policy.dueSoonWorkingDays ? .dueSoon : .onTime
    }
}

extension CivilDate {
    /// Whole days from `self` to `other` (negative when `other` is earlier).
    package func distance(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }
}
