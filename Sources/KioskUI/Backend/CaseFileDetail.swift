/// The detail screen's content for one 办件, formatted by the app.
package struct CaseFileDetail: Sendable, Equatable {
    /// The list-level fields (number, item, status, deadline marks, mail eligibility).
    package var row: CaseFileRow
    /// 受理时间, formatted.
    package var acceptedText: String
    /// 受理部门.
    package var department: String
    /// 咨询电话 of the department.
    package var phone: String
    /// The timeline of steps, oldest first.
    package var steps: [TimelineStep]
    /// The waybill of the citizen's mail request once it is 已交寄 (`posted`); nil otherwise.
    package var postedWaybill: String?

    /// Creates a detail view model.
    package init(
        row: CaseFileRow, acceptedText: String, department: String, phone: String, steps: [TimelineStep],
        postedWaybill: String? = nil
    ) {
        self.row = row
        self.acceptedText = acceptedText
        self.department = department
        self.phone = phone
        self.steps = steps
        self.postedWaybill = postedWaybill
    }
}

/// One step of a 办件's timeline.
package struct TimelineStep: Sendable, Equatable {
    /// The step name, e.g. `受理`, `审查`, `办结`.
    package var title: String
    /// When it happened (or is expected), formatted; may be empty.
    package var timeText: String
    /// Whether the step is finished, current or still to come.
    package var state: State

    /// The progress state of a step; drawn with a text mark, not colour alone.
    package enum State: Sendable, Equatable {
        case done
        case current
        case pending
    }

    /// Creates a step.
    package init(title: String, timeText: String, state: State) {
        self.title = title
        self.timeText = timeText
        self.state = state
    }
}
