import CDOPJSON

/// The panel's outcome, recorded once for every reviewed case, read by hand (`TapeReadable`).
extension PanelOutcomeRecorded: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let outcome = object.object("outcome").flatMap(PanelOutcome.init(reading:)), let at = object.date("at")
        else {
            return nil
        }
        self.init(outcome: outcome, at: at)
    }
}

extension PanelOutcome {
    package init?(reading object: JSONObjectReader) {
        guard let meetingID = object.optional("meetingID", { (object, key) -> MeetingID? in object.identifier(key) }),
            let primaryCategory: DeathCategory = object.value("primaryCategory"),
            let otherCategories = object.array(
                "otherCategories", { $0.plainInt($1).flatMap(DeathCategory.init(rawValue:)) }),
            let factors = object.objects("factors", ContributoryFactor.init(reading:)),
            let outcome = object.optional(
                "outcome", { (object, key) -> ModifiableFactorsOutcome? in object.value(key) }),
            let legacyPreventability = object.optional(
                "legacyPreventability",
                { (object, key) -> LegacyPreventability? in
                    object.value(key)
                }),
            let learningPoints = object.objects("learningPoints", LearningPoint.init(reading:)),
            let causeOfDeath = object.optional("causeOfDeath", { $0.string($1) }),
            let reviewedOn = object.calendarDate("reviewedOn")
        else { return nil }
        self.init(
            meetingID: meetingID, primaryCategory: primaryCategory, otherCategories: otherCategories, factors: factors,
            outcome: outcome, legacyPreventability: legacyPreventability, learningPoints: learningPoints,
            causeOfDeath: causeOfDeath, reviewedOn: reviewedOn)
    }
}

extension ContributoryFactor {
    package init?(reading object: JSONObjectReader) {
        guard let domain: FactorDomain = object.value("domain"), let description = object.string("description"),
            let level: FactorLevel = object.value("level"), let modifiable = object.bool("modifiable")
        else { return nil }
        self.init(domain: domain, description: description, level: level, modifiable: modifiable)
    }
}

extension LearningPoint {
    package init?(reading object: JSONObjectReader) {
        guard let theme = object.string("theme"), let text = object.string("text") else { return nil }
        self.init(theme: theme, text: text)
    }
}
