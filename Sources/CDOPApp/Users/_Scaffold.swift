// TEMPORARY: replaced by the users branch at merge.
import CDOPDomain
package enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
    case admin, coordinator, designatedDoctor = "designated-doctor", panelMember = "panel-member"
    package var label: String { rawValue }
}
package struct AuthenticatedUser: Sendable, Hashable {
    package var id: String
    package var username: String
    package var displayName: String
    package var roles: Set<StaffRole>
    package var areas: Set<String>
    package func mayView(areaCode: String?) -> Bool { areas.isEmpty || areaCode.map(areas.contains) == true }
}
