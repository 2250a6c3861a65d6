/// Who notified the death, and when (the notification form's first section).
package struct Notifier: Hashable, Sendable, Codable {
    package var name: String
    /// Their role, e.g. "Paramedic", "Consultant paediatrician".
    package var role: String
    /// Their organisation, e.g. "Northshire Ambulance Service".
    package var organisation: String
    /// How to reach them: telephone.
    package var phone: String?
    /// How to reach them: email.
    package var email: String?
    /// The date they give for the notification.
    package var dateNotified: CalendarDate

    package init(
        name: String, role: String, organisation: String, phone: String? = nil, email: String? = nil,
        dateNotified: CalendarDate
    ) {
        self.name = name
        self.role = role
        self.organisation = organisation
        self.phone = phone
        self.email = email
        self.dateNotified = dateNotified
    }
}
