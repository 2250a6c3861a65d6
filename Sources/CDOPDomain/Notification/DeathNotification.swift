/// The notification form of a child's death: notifier, child, death, areas, circumstances and the
/// professionals involved.
package struct DeathNotification: Hashable, Sendable, Codable {
    package var notifier: Notifier
    package var child: ChildDetails
    package var death: DeathDetails
    /// Code of the panel area where the child normally lived; nil when it is outside the panel's areas.
    package var residenceAreaCode: String?
    /// Code of the panel area where the child died; nil when outside the panel's areas.
    package var areaOfDeathCode: String?
    /// What happened, in the notifier's words.
    package var circumstances: String
    package var professionalsInvolved: [ProfessionalInvolved]

    package init(
        notifier: Notifier, child: ChildDetails, death: DeathDetails, residenceAreaCode: String?,
        areaOfDeathCode: String?, circumstances: String, professionalsInvolved: [ProfessionalInvolved]
    ) {
        self.notifier = notifier
        self.child = child
        self.death = death
        self.residenceAreaCode = residenceAreaCode
        self.areaOfDeathCode = areaOfDeathCode
        self.circumstances = circumstances
        self.professionalsInvolved = professionalsInvolved
    }
}
