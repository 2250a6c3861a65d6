import Foundation

/// What a coordinator corrects in a notification: only the fields given change (the JSON mirrors the
/// notification's own shape, e.g. `{"death": {"date": "2026-11-13"}}` or `{"child": {"name": {...}}}`).
package struct NotificationCorrection: Hashable, Sendable, Codable {
    package struct Child: Hashable, Sendable, Codable {
        package var name: PersonName?
        package var dateOfBirth: CalendarDate?
        package var sex: Sex?
        package var nhsNumber: NHSNumberStatus?
        package var ethnicity: Ethnicity?
        package var address: Address?
        package var gpPractice: String?

        package init() {}
    }

    package struct Death: Hashable, Sendable, Codable {
        package var date: CalendarDate?
        package var time: TimeOfDay?
        package var place: PlaceOfDeath?
        package var birthStatus: BirthStatus?
        package var reportedExpectation: Expectation?
        package var postMortem: YesNoNotKnown?
        package var coronerInformed: YesNoNotKnown?
        package var causeOfDeath: String?

        package init() {}
    }

    package var notifier: Notifier?
    package var child: Child?
    package var death: Death?
    package var residenceAreaCode: String?
    package var areaOfDeathCode: String?
    package var circumstances: String?
    package var professionalsInvolved: [ProfessionalInvolved]?
    package var parentsAndCarers: [ParentOrCarer]?

    package init() {}

    /// `notification` with the fields this correction gives replaced.
    package func applied(to notification: DeathNotification) -> DeathNotification {
        var n = notification
        if let notifier { n.notifier = notifier }
        if let child {
            if let v = child.name { n.child.name = v }
            if let v = child.dateOfBirth { n.child.dateOfBirth = v }
            if let v = child.sex { n.child.sex = v }
            if let v = child.nhsNumber { n.child.nhsNumber = v }
            if let v = child.ethnicity { n.child.ethnicity = v }
            if let v = child.address { n.child.address = v }
            if let v = child.gpPractice { n.child.gpPractice = v.isEmpty ? nil : v }
        }
        if let death {
            if let v = death.date { n.death.date = v }
            if let v = death.time { n.death.time = v }
            if let v = death.place { n.death.place = v }
            if let v = death.birthStatus { n.death.birthStatus = v }
            if let v = death.reportedExpectation { n.death.reportedExpectation = v }
            if let v = death.postMortem { n.death.postMortem = v }
            if let v = death.coronerInformed { n.death.coronerInformed = v }
            if let v = death.causeOfDeath { n.death.causeOfDeath = v.isEmpty ? nil : v }
        }
        if let residenceAreaCode { n.residenceAreaCode = residenceAreaCode.isEmpty ? nil : residenceAreaCode }
        if let areaOfDeathCode { n.areaOfDeathCode = areaOfDeathCode.isEmpty ? nil : areaOfDeathCode }
        if let circumstances { n.circumstances = circumstances }
        if let professionalsInvolved { n.professionalsInvolved = professionalsInvolved }
        if let parentsAndCarers { n.parentsAndCarers = parentsAndCarers }
        return n
    }

    /// The fields of a notification a person reads, each with its value in words (for "corrected: field, from, to").
    package static let fields: [(name: String, value: @Sendable (DeathNotification) -> String)] = [
        ("child's name", { $0.child.name.fullName }),
        ("other names", { $0.child.name.aliases.joined(separator: ", ") }),
        ("date of birth", { $0.child.dateOfBirth.iso }),
        ("sex", { $0.child.sex.rawValue }),
        (
            "NHS number",
            {
                switch $0.child.nhsNumber {
                case .known(let number): number.text
                case .absent(let reason): "none (\(reason.label))"
                }
            }
        ),
        ("ethnicity", { $0.child.ethnicity.rawValue }),
        (
            "address",
            { $0.child.address.map { ($0.lines + [$0.postcode].compactMap { $0 }).joined(separator: ", ") } ?? "" }
        ),
        ("GP practice", { $0.child.gpPractice ?? "" }),
        ("date of death", { $0.death.date.iso }),
        ("time of death", { $0.death.time?.description ?? "" }),
        ("place of death", { $0.death.place.kind.rawValue + ($0.death.place.description.map { " (\($0))" } ?? "") }),
        ("birth status", { $0.death.birthStatus.rawValue }),
        ("reported as", { $0.death.reportedExpectation.rawValue }),
        ("post-mortem", { $0.death.postMortem.rawValue }),
        ("coroner informed", { $0.death.coronerInformed.rawValue }),
        ("cause of death", { $0.death.causeOfDeath ?? "" }),
        ("area of residence", { $0.residenceAreaCode ?? "" }),
        ("area where the child died", { $0.areaOfDeathCode ?? "" }),
        ("circumstances", { $0.circumstances }),
        ("notifier", { "\($0.notifier.name), \($0.notifier.role), \($0.notifier.organisation)" }),
        ("notifier's contact", { [$0.notifier.phone, $0.notifier.email].compactMap { $0 }.joined(separator: ", ") }),
        ("date notified", { $0.notifier.dateNotified.iso }),
        (
            "professionals involved",
            { $0.professionalsInvolved.map { "\($0.name) (\($0.role), \($0.organisation))" }.joined(separator: "; ") }
        ),
        // By relationship only: the changes are kept with the child's data, and a parent is erased apart from it.
        ("parents and carers", { $0.parentsAndCarers.map(\.relationship).joined(separator: "; ") }),
    ]

    /// What differs between two notifications, field by field, in words. A parent's name or contact changed is
    /// said without saying either.
    package static func changes(from old: DeathNotification, to new: DeathNotification) -> [CorrectedField] {
        var changes = fields.compactMap { field in
            let (from, to) = (field.value(old), field.value(new))
            return from == to ? nil : CorrectedField(field: field.name, from: from, to: to)
        }
        if old.parentsAndCarers != new.parentsAndCarers, !changes.contains(where: { $0.field == "parents and carers" })
        {
            let relationships = new.parentsAndCarers.map(\.relationship).joined(separator: "; ")
            changes.append(
                CorrectedField(
                    field: "parents and carers", from: relationships, to: relationships + " (name or contact changed)"))
        }
        return changes
    }
}

/// One corrected field of a notification: its name and its values before and after, in words.
package struct CorrectedField: Hashable, Sendable, Codable {
    package var field: String
    package var from: String
    package var to: String

    package init(field: String, from: String, to: String) {
        self.field = field
        self.from = from
        self.to = to
    }
}
