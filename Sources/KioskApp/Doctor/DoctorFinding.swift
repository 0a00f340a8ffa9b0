/// One result of a `kiosk doctor` check: what was checked, how it went, and how to fix it.
struct DoctorFinding: Sendable, Equatable, Encodable {
    enum Severity: String, Sendable, Encodable, Comparable {
        case ok, warning, error

        private var rank: Int { self == .ok ? 0 : self == .warning ? 1 : 2 }
        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A short stable name, e.g. `configuration`, `database`, `disk`.
    var check: String
    var severity: Severity
    /// What was found, in English.
    var message: String
    /// How to fix it; empty when nothing needs fixing.
    var hint: String = ""

    static func ok(_ check: String, _ message: String) -> DoctorFinding {
        DoctorFinding(check: check, severity: .ok, message: message)
    }

    static func warning(_ check: String, _ message: String, hint: String) -> DoctorFinding {
        DoctorFinding(check: check, severity: .warning, message: message, hint: hint)
    }

    static func error(_ check: String, _ message: String, hint: String) -> DoctorFinding {
        DoctorFinding(check: check, severity: .error, message: message, hint: hint)
    }
}
