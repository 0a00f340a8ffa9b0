import KioskCore

extension SatisfactionLevel {
    /// The catalog key of the level's name.
    package var stringKey: StringKey {
        switch self {
        case .verySatisfied: .ratingVerySatisfied
        case .satisfied: .ratingSatisfied
        case .basicallySatisfied: .ratingBasicallySatisfied
        case .dissatisfied: .ratingDissatisfied
        case .veryDissatisfied: .ratingVeryDissatisfied
        }
    }
}

/// The reasons offered for a 差评.
///
/// The raw value is the code stored in `Evaluation.reasons` (and sent on with the rating); it is
/// spelled out so that renaming a case cannot change stored data: never change one (a test pins
/// them). `description` is the raw value too, so interpolating a reason writes its stored code.
package enum RatingReason: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case slow = "slow"
    case inconvenient = "inconvenient"
    case inaccurate = "inaccurate"
    case device = "device"
    case attitude = "attitude"
    case other = "other"

    /// The stored code (``rawValue``).
    package var description: String { rawValue }

    /// The catalog key of the reason's label.
    package var stringKey: StringKey {
        switch self {
        case .slow: .ratingReasonSlow
        case .inconvenient: .ratingReasonInconvenient
        case .inaccurate: .ratingReasonInaccurate
        case .device: .ratingReasonDevice
        case .attitude: .ratingReasonAttitude
        case .other: .ratingReasonOther
        }
    }
}

/// A rating the citizen submitted.
package struct EvaluationDraft: Sendable, Equatable {
    /// The 办件 the rated transaction was about, when there was one.
    package var caseNumber: String?
    /// The chosen level.
    package var level: SatisfactionLevel
    /// The reasons chosen (non-empty for a 差评), in the order offered.
    package var reasons: [RatingReason]
    /// An optional callback phone for a 差评 (digits only).
    package var callbackPhone: String?

    /// Creates a rating.
    package init(caseNumber: String?, level: SatisfactionLevel, reasons: [RatingReason], callbackPhone: String?) {
        self.caseNumber = caseNumber
        self.level = level
        self.reasons = reasons
        self.callbackPhone = callbackPhone
    }
}

/// What the back end did with a rating.
package enum EvaluationOutcome: Sendable, Equatable {
    /// Recorded (and queued for the provincial system).
    case recorded
    /// Refused by the rules: `field` names the rating's field at fault (`reasons`, `callbackPhone`…,
    /// empty for the rating as a whole); `message` is citizen-facing Chinese.
    case invalid(field: String, message: String)
    /// Could not be recorded.
    case failed
}
