import CDOPDomain
import Foundation

/// The fields the shell's mappings read (notification form → `DeathNotification`, analysis form →
/// `PanelOutcomeInput`). The loader checks the shipped forms still have each one with its type, so a
/// renamed field is a definition problem, never a silently empty answer.
package enum NotificationFields {
    package static let notifierName = "notifier-name"
    package static let notifierRole = "notifier-role"
    package static let notifierOrganisation = "notifier-organisation"
    package static let notifierPhone = "notifier-phone"
    package static let notifierEmail = "notifier-email"
    package static let dateNotified = "date-notified"
    package static let childForenames = "child-forenames"
    package static let childSurname = "child-surname"
    package static let childOtherNames = "child-other-names"
    package static let childDateOfBirth = "child-date-of-birth"
    package static let childSex = "child-sex"
    package static let childNHSNumberStatus = "child-nhs-number-status"
    package static let childNHSNumber = "child-nhs-number"
    package static let childEthnicity = "child-ethnicity"
    package static let childAddress = "child-address"
    package static let childPostcode = "child-postcode"
    package static let childGPPractice = "child-gp-practice"
    package static let dateOfDeath = "date-of-death"
    package static let timeOfDeath = "time-of-death"
    package static let placeOfDeath = "place-of-death"
    package static let placeOfDeathDescription = "place-of-death-description"
    package static let birthStatus = "birth-status"
    package static let reportedExpectation = "reported-expectation"
    package static let postMortem = "post-mortem"
    package static let coronerInformed = "coroner-informed"
    package static let causeOfDeath = "cause-of-death"
    package static let residenceArea = "residence-area-code"
    package static let areaOfDeath = "area-of-death-code"
    package static let circumstances = "circumstances"
    package static let professionals = "professionals"
    package static let professionalName = "name"
    package static let professionalRole = "role"
    package static let professionalOrganisation = "organisation"
    package static let professionalContact = "contact"
    package static let parents = "parents"
    package static let parentName = "name"
    package static let parentRelationship = "relationship"
    package static let parentContact = "contact"
    /// The value of `child-nhs-number-status` when the number is given.
    package static let nhsNumberKnown = "known"

    /// Every field the mapping reads, with its type; group fields as "group.field".
    package static let required: [(id: String, type: FieldType)] = [
        (notifierName, .text), (notifierRole, .text), (notifierOrganisation, .text), (notifierPhone, .text),
        (notifierEmail, .text), (dateNotified, .date), (childForenames, .text), (childSurname, .text),
        (childOtherNames, .longText), (childDateOfBirth, .date), (childSex, .choice), (childNHSNumberStatus, .choice),
        (childNHSNumber, .text), (childEthnicity, .choice), (childAddress, .longText), (childPostcode, .text),
        (childGPPractice, .text), (dateOfDeath, .date), (timeOfDeath, .text), (placeOfDeath, .choice),
        (placeOfDeathDescription, .text), (birthStatus, .choice), (reportedExpectation, .choice),
        (postMortem, .yesNoNotKnown), (coronerInformed, .yesNoNotKnown), (causeOfDeath, .longText),
        (residenceArea, .text), (areaOfDeath, .text), (circumstances, .longText), (professionals, .group),
        ("\(professionals).\(professionalName)", .text), ("\(professionals).\(professionalRole)", .text),
        ("\(professionals).\(professionalOrganisation)", .text), ("\(professionals).\(professionalContact)", .text),
        (parents, .group), ("\(parents).\(parentName)", .text), ("\(parents).\(parentRelationship)", .text),
        ("\(parents).\(parentContact)", .text),
    ]
}

/// The analysis form's fields the outcome mapping reads.
package enum AnalysisFields {
    package static let reviewedOn = "reviewed-on"
    package static let causeOfDeath = "cause-of-death"
    package static let factors = "factors"
    package static let factorDomain = "domain"
    package static let factorDescription = "description"
    package static let factorLevel = "level"
    package static let factorModifiable = "modifiable"
    package static let categories = "categories"
    package static let outcome = "outcome"
    package static let legacyPreventability = "legacy-preventability"
    package static let learningPoints = "learning-points"
    package static let learningTheme = "theme"
    package static let learningText = "text"
    package static let actions = "actions"
    package static let actionText = "action"
    package static let actionOwner = "owner"
    package static let actionDueDate = "due-date"

    package static let required: [(id: String, type: FieldType)] = [
        (reviewedOn, .date), (causeOfDeath, .longText), (factors, .group), ("\(factors).\(factorDomain)", .choice),
        ("\(factors).\(factorDescription)", .text), ("\(factors).\(factorLevel)", .choice),
        ("\(factors).\(factorModifiable)", .yesNoNotKnown), (categories, .multipleChoice), (outcome, .choice),
        (legacyPreventability, .choice), (learningPoints, .group), ("\(learningPoints).\(learningTheme)", .text),
        ("\(learningPoints).\(learningText)", .longText), (actions, .group), ("\(actions).\(actionText)", .longText),
        ("\(actions).\(actionOwner)", .text), ("\(actions).\(actionDueDate)", .date),
    ]
}

extension NotificationFields {
    /// The values each choice field must offer: exactly the domain's, so every answer maps.
    package static let choiceValues: [(id: String, values: [String])] = [
        (childSex, Sex.allCases.map(\.rawValue)),
        (childNHSNumberStatus, [nhsNumberKnown] + NHSNumberAbsence.allCases.map(\.rawValue)),
        (childEthnicity, Ethnicity.allCases.map(\.rawValue)),
        (placeOfDeath, PlaceOfDeathKind.allCases.map(\.rawValue)),
        (birthStatus, BirthStatus.allCases.map(\.rawValue)),
        (reportedExpectation, Expectation.allCases.map(\.rawValue)),
    ]
}

extension AnalysisFields {
    package static let choiceValues: [(id: String, values: [String])] = [
        ("\(factors).\(factorDomain)", FactorDomain.allCases.map(\.rawValue)),
        ("\(factors).\(factorLevel)", FactorLevel.allCases.map { String($0.rawValue) }),
        (categories, DeathCategory.allCases.map { String($0.rawValue) }),
        (outcome, ModifiableFactorsOutcome.allCases.map(\.rawValue)),
        (legacyPreventability, LegacyPreventability.allCases.map(\.rawValue)),
    ]
}
