/// A refused console account operation (`staff add`), with what to fix.
struct StaffError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case badName(String)
        case shortPassword(Int)
        case exists(String)
    }

    private let kind: Kind

    static func badName(_ name: String) -> StaffError { StaffError(kind: .badName(name)) }
    static func shortPassword(_ minimum: Int) -> StaffError { StaffError(kind: .shortPassword(minimum)) }
    static func exists(_ name: String) -> StaffError { StaffError(kind: .exists(name)) }

    var description: String {
        switch kind {
        case .badName(let name): "invalid staff name \(name.debugDescription): use 1-64 of A-Z a-z 0-9 . _ -"
        case .shortPassword(let minimum): "password too short: at least \(minimum) characters"
        case .exists(let name): "staff user \(name) already exists"
        }
    }
}
