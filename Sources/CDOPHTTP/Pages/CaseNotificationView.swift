import CDOPDomain
import Foundation

/// The whole notification as the case page shows it to the coordinator and the designated doctor (who may see
/// a child's identifiable details): the child, the death, the notifier, the parents and carers and the
/// professionals involved.
struct CaseNotificationView: Encodable {
    struct Parent: Encodable {
        var name: String
        var relationship: String
        var contact: String
    }

    struct Professional: Encodable {
        var name: String
        var role: String
        var organisation: String
        var contact: String
    }

    var details: [CasePageView.Detail]
    var notifier: [CasePageView.Detail]
    var circumstances: String
    var parents: [Parent]
    var hasParents: Bool
    var professionals: [Professional]
    var hasProfessionals: Bool

    init(_ notification: DeathNotification) {
        let child = notification.child
        let death = notification.death
        let nhs: String =
            switch child.nhsNumber {
            case .known(let number): number.text
            case .absent(let reason): "Not given: \(reason.label)"
            }
        details = [
            .init(label: "NHS number", value: nhs),
            .init(
                label: "Other names",
                value: child.name.aliases.isEmpty ? "none given" : child.name.aliases.joined(separator: ", ")),
            .init(label: "Ethnicity", value: Self.words(child.ethnicity.rawValue)),
            .init(label: "Address", value: child.address.map(Self.address) ?? "not given"),
            .init(label: "GP practice", value: child.gpPractice ?? "not given"),
            .init(label: "Area of residence", value: notification.residenceAreaCode ?? "not given"),
            .init(label: "Area where the child died", value: notification.areaOfDeathCode ?? "not given"),
            .init(label: "Time of death", value: death.time?.description ?? "not known"),
            .init(
                label: "Place of death",
                value: Self.words(death.place.kind.rawValue) + (death.place.description.map { ": \($0)" } ?? "")),
            .init(label: "Born", value: Self.words(death.birthStatus.rawValue)),
            .init(label: "Reported as", value: death.reportedExpectation.label),
            .init(label: "Post-mortem", value: death.postMortem.label),
            .init(label: "Coroner informed", value: death.coronerInformed.label),
            .init(label: "Cause of death as notified", value: death.causeOfDeath ?? "not given"),
        ]
        let by = notification.notifier
        notifier = [
            .init(label: "Name", value: by.name),
            .init(label: "Role", value: by.role),
            .init(label: "Organisation", value: by.organisation),
            .init(label: "Phone", value: by.phone ?? "not given"),
            .init(label: "Email", value: by.email ?? "not given"),
            .init(label: "Notified on", value: DayFormatter.long(by.dateNotified)),
        ]
        circumstances = notification.circumstances
        parents = notification.parentsAndCarers.map {
            Parent(name: $0.name, relationship: $0.relationship, contact: $0.contact ?? "")
        }
        hasParents = !parents.isEmpty
        professionals = notification.professionalsInvolved.map {
            Professional(name: $0.name, role: $0.role, organisation: $0.organisation, contact: $0.contact ?? "")
        }
        hasProfessionals = !professionals.isEmpty
    }

    static func address(_ address: Address) -> String {
        (address.lines + [address.postcode].compactMap { $0 }).joined(separator: ", ")
    }

    /// A code word in words: `hospitalWard` → "Hospital ward".
    static func words(_ code: String) -> String { code.camelCaseWords }
}

/// The panel's outcome, summarised on the coordinator's case page once recorded.
struct CaseOutcomeView: Encodable {
    var reviewedOn: String
    var primaryCategory: String
    var otherCategories: String
    var judgement: String
    var factors: String
    var learningPoints: [String]
    var hasLearningPoints: Bool

    init(_ outcome: PanelOutcome) {
        reviewedOn = DayFormatter.long(outcome.reviewedOn)
        primaryCategory = "\(outcome.primaryCategory.rawValue): \(outcome.primaryCategory.label)"
        otherCategories =
            outcome.otherCategories.isEmpty ? "none" : outcome.otherCategories.map(\.label).joined(separator: "; ")
        judgement = outcome.judgementLabel
        let modifiable = outcome.factors.filter(\.modifiable).count
        factors = "\(outcome.factors.count) factor\(outcome.factors.count == 1 ? "" : "s") (\(modifiable) modifiable)"
        learningPoints = outcome.learningPoints.map { "\($0.theme): \($0.text)" }
        hasLearningPoints = !learningPoints.isEmpty
    }
}
