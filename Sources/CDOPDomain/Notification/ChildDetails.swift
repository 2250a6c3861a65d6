/// The child who died, as the notification form describes them.
package struct ChildDetails: Hashable, Sendable, Codable {
    package var name: PersonName
    package var dateOfBirth: CalendarDate
    package var sex: Sex
    package var nhsNumber: NHSNumberStatus
    package var ethnicity: Ethnicity
    /// Home address; nil when not known.
    package var address: Address?
    /// The child's GP practice, as named by the notifier.
    package var gpPractice: String?

    package init(
        name: PersonName, dateOfBirth: CalendarDate, sex: Sex, nhsNumber: NHSNumberStatus, ethnicity: Ethnicity,
        address: Address? = nil, gpPractice: String? = nil
    ) {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nhsNumber = nhsNumber
        self.ethnicity = ethnicity
        self.address = address
        self.gpPractice = gpPractice
    }
}
