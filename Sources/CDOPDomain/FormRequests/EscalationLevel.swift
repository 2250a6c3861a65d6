/// How far an overdue form request has been escalated, in rising order.
package enum EscalationLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The CDOP coordinator is alerted.
    case coordinator
    /// The designated doctor and the panel chair are told too.
    case designatedDoctorAndChair

    /// Who is told at this level.
    package var label: String {
        switch self {
        case .coordinator: "the coordinator"
        case .designatedDoctorAndChair: "the designated doctor and the panel chair"
        }
    }

    package static func < (lhs: EscalationLevel, rhs: EscalationLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
