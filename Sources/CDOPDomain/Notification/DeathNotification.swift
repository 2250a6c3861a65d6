/// The notification form of a child's death: notifier, child, death, areas, circumstances, the professionals
/// involved and the child's parents and carers.
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
    /// Empty in notifications recorded before parents and carers were asked for.
    package var parentsAndCarers: [ParentOrCarer]

    package init(
        notifier: Notifier, child: ChildDetails, death: DeathDetails, residenceAreaCode: String?,
        areaOfDeathCode: String?, circumstances: String, professionalsInvolved: [ProfessionalInvolved],
        parentsAndCarers: [ParentOrCarer] = []
    ) {
        self.notifier = notifier
        self.child = child
        self.death = death
        self.residenceAreaCode = residenceAreaCode
        self.areaOfDeathCode = areaOfDeathCode
        self.circumstances = circumstances
        self.professionalsInvolved = professionalsInvolved
        self.parentsAndCarers = parentsAndCarers
    }

    private enum CodingKeys: String, CodingKey {
        case notifier, child, death, residenceAreaCode, areaOfDeathCode, circumstances, professionalsInvolved
        case parentsAndCarers
    }

    /// As encoded, but a notification recorded before parents and carers were asked for has none.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            notifier: try container.decode(Notifier.self, forKey: .notifier),
            child: try container.decode(ChildDetails.self, forKey: .child),
            death: try container.decode(DeathDetails.self, forKey: .death),
            residenceAreaCode: try container.decodeIfPresent(String.self, forKey: .residenceAreaCode),
            areaOfDeathCode: try container.decodeIfPresent(String.self, forKey: .areaOfDeathCode),
            circumstances: try container.decode(String.self, forKey: .circumstances),
            professionalsInvolved: try container.decode([ProfessionalInvolved].self, forKey: .professionalsInvolved),
            parentsAndCarers: try container.decodeIfPresent([ParentOrCarer].self, forKey: .parentsAndCarers) ?? [])
    }

    /// As synthesised, but with no parents and carers written when there are none, so that a notification
    /// recorded before they were asked for is written again as it was stored.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notifier, forKey: .notifier)
        try container.encode(child, forKey: .child)
        try container.encode(death, forKey: .death)
        try container.encodeIfPresent(residenceAreaCode, forKey: .residenceAreaCode)
        try container.encodeIfPresent(areaOfDeathCode, forKey: .areaOfDeathCode)
        try container.encode(circumstances, forKey: .circumstances)
        try container.encode(professionalsInvolved, forKey: .professionalsInvolved)
        if !parentsAndCarers.isEmpty { try container.encode(parentsAndCarers, forKey: .parentsAndCarers) }
    }
}
