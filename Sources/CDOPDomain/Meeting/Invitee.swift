/// The part someone plays at a meeting.
package enum InviteeRole: String, Hashable, Sendable, Codable, CaseIterable {
    case chair
    case designatedDoctor
    case paediatrician
    case police
    case childrensSocialCare
    case healthVisitor
    case gp
    case nurse
    case education
    case coordinator
    case panelMember
    case other
}

/// Someone invited to a meeting; their email identifies them within it.
package struct Invitee: Hashable, Sendable, Codable {
    package var name: String
    package var email: String
    package var role: InviteeRole
    package var organisation: String?

    package init(name: String, email: String, role: InviteeRole, organisation: String? = nil) {
        self.name = name
        self.email = email
        self.role = role
        self.organisation = organisation
    }
}

/// Whether an invitee came.
package enum AttendanceStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case attended
    case sentApologies
    case didNotAttend
    case notRecorded
}

/// One invitee's attendance.
package struct AttendanceRecord: Hashable, Sendable, Codable {
    package var email: String
    package var status: AttendanceStatus

    package init(email: String, status: AttendanceStatus) {
        self.email = email
        self.status = status
    }
}
