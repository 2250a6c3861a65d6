/// What a member of staff may do (DESIGN.md, Roles). A user holds one or more.
package enum StaffRole: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Users and configuration.
    case admin
    /// Everything about cases and requests.
    case coordinator
    /// Triage, rapid responses, meetings.
    case designatedDoctor = "designated-doctor"
    /// Pseudonymised cases on their agendas, analysis and outcomes.
    case panelMember = "panel-member"

    /// The role in a coordinator's words.
    package var label: String {
        switch self {
        case .admin: "administrator"
        case .coordinator: "coordinator"
        case .designatedDoctor: "designated doctor"
        case .panelMember: "panel member"
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
