/// What a console user may do. Stored in `staff_user.role`.
///
/// - `admin` (信息中心 / hall management): everything, including devices, announcements, config,
///   ratings with callback phones, the audit log and imports.
/// - `postal` (邮政窗口): the mail queue with full recipient data, hand-over and its CSV export.
/// - `viewer` (大厅值班): the fleet overview and device details, and the mail queue masked.
enum StaffRole: String, Sendable, CaseIterable {
    case admin, postal, viewer

    /// What a page or form needs.
    enum Permission: Sendable {
        case viewFleet, manageDevices, viewMailMasked, handleMail, exportEvaluations, manageContent, viewAudit
        case importCases
    }

    func allows(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (.admin, _): true
        case (.postal, .viewFleet), (.postal, .viewMailMasked), (.postal, .handleMail): true
        case (.viewer, .viewFleet), (.viewer, .viewMailMasked): true
        default: false
        }
    }

    /// The role's Chinese name in the console.
    var chineseName: String {
        switch self {
        case .admin: "管理员"
        case .postal: "邮政窗口"
        case .viewer: "值班查看"
        }
    }
}
