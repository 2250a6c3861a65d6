import CDOPDefinitions
import CDOPDomain
import Foundation

/// The notification form ↔ `DeathNotification`: validated answers become the domain's notification (checked
/// by `NotificationRules`, each refusal put back beside the field it is about), and a recorded notification
/// becomes answers to show it as a filled form.
package enum NotificationFormMapping {
    private typealias F = NotificationFields

    /// The notification the answers describe, normalised by the domain's rules, or the errors to show beside
    /// each field. `form` is the notification definition the answers were validated against.
    package static func notification(
        from answers: FormAnswers, form: FormDefinition, context: DecisionContext
    ) throws(FieldErrors) -> DeathNotification {
        var r = FormAnswerReader(form: form, answers: answers)
        let notifier = Notifier(
            name: r.requiredText(F.notifierName), role: r.requiredText(F.notifierRole),
            organisation: r.requiredText(F.notifierOrganisation), phone: r.text(F.notifierPhone),
            email: r.text(F.notifierEmail), dateNotified: r.requiredDate(F.dateNotified) ?? context.today)
        let nhsNumber: NHSNumberStatus
        if case .choice(F.nhsNumberKnown) = answers[F.childNHSNumberStatus] {
            nhsNumber = .known(NHSNumber(r.requiredText(F.childNHSNumber)))
        } else {
            nhsNumber = .absent(
                r.requiredChoice(F.childNHSNumberStatus, as: NHSNumberAbsence.self) ?? .notCurrentlyAvailable)
        }
        let addressLines = r.lines(F.childAddress)
        let postcode = r.text(F.childPostcode)
        let child = ChildDetails(
            name: PersonName(
                forenames: r.text(F.childForenames) ?? "", surname: r.requiredText(F.childSurname),
                aliases: r.lines(F.childOtherNames)),
            dateOfBirth: r.requiredDate(F.childDateOfBirth) ?? context.today,
            sex: r.requiredChoice(F.childSex, as: Sex.self) ?? .notKnown,
            nhsNumber: nhsNumber,
            ethnicity: r.requiredChoice(F.childEthnicity, as: Ethnicity.self) ?? .notKnown,
            address: addressLines.isEmpty && postcode == nil ? nil : Address(lines: addressLines, postcode: postcode),
            gpPractice: r.text(F.childGPPractice))
        var time: TimeOfDay?
        if let text = r.text(F.timeOfDeath) {
            time = TimeOfDay(text: text)
            if time == nil {
                r.errors.append(form.error(at: F.timeOfDeath, "Time of death must be a real time, for example 02:10"))
            }
        }
        let death = DeathDetails(
            date: r.requiredDate(F.dateOfDeath) ?? context.today, time: time,
            place: PlaceOfDeath(
                kind: r.requiredChoice(F.placeOfDeath, as: PlaceOfDeathKind.self) ?? .other,
                description: r.text(F.placeOfDeathDescription)),
            birthStatus: r.requiredChoice(F.birthStatus, as: BirthStatus.self) ?? .liveBorn,
            reportedExpectation: r.requiredChoice(F.reportedExpectation, as: Expectation.self) ?? .notKnown,
            postMortem: r.yesNo(F.postMortem, required: true) ?? .notKnown,
            coronerInformed: r.yesNo(F.coronerInformed, required: true) ?? .notKnown,
            causeOfDeath: r.text(F.causeOfDeath))
        var professionals: [ProfessionalInvolved] = []
        for var row in r.rows(F.professionals) {
            professionals.append(
                ProfessionalInvolved(
                    name: row.text(F.professionalName) ?? "", role: row.text(F.professionalRole) ?? "",
                    organisation: row.text(F.professionalOrganisation) ?? "", contact: row.text(F.professionalContact)))
            r.merge(row)
        }
        var parents: [ParentOrCarer] = []
        for var row in r.rows(F.parents) {
            parents.append(
                ParentOrCarer(
                    name: row.text(F.parentName) ?? "", relationship: row.text(F.parentRelationship) ?? "",
                    contact: row.text(F.parentContact)))
            r.merge(row)
        }
        let notification = DeathNotification(
            notifier: notifier, child: child, death: death, residenceAreaCode: r.text(F.residenceArea),
            areaOfDeathCode: r.text(F.areaOfDeath), circumstances: r.text(F.circumstances) ?? "",
            professionalsInvolved: professionals, parentsAndCarers: parents)
        guard r.errors.isEmpty else { throw FieldErrors(r.errors) }
        do {
            return try NotificationRules.validated(notification, context: context)
        } catch {
            throw FieldErrors([fieldError(for: error, in: notification, form: form, context: context)])
        }
    }

    /// A domain refusal of a notification, beside the field it is about.
    package static func fieldError(
        for error: DomainError, in notification: DeathNotification, form: FormDefinition, context: DecisionContext
    ) -> FieldError {
        switch error.code {
        case "notification.surnameMissing": return form.missing(at: F.childSurname)
        case "notification.notifierNameMissing": return form.missing(at: F.notifierName)
        case "notification.notifierRoleMissing": return form.missing(at: F.notifierRole)
        case "notification.notifierOrganisationMissing": return form.missing(at: F.notifierOrganisation)
        case "notification.nhsNumberMalformed":
            return form.error(at: F.childNHSNumber, "NHS number must be 10 digits")
        case "notification.nhsNumberCheckDigit":
            return form.error(at: F.childNHSNumber, "NHS number is not valid – check it was typed correctly")
        case "notification.postcodeInvalid":
            return form.error(at: F.childPostcode, "Enter a real postcode, like AB1 2CD")
        case "input.invalidEmail":
            return form.error(
                at: F.notifierEmail, "Enter an email address in the correct format, like name@example.com")
        case "input.dateInFuture":
            return form.error(at: F.dateNotified, "Date of this notification must be today or in the past")
        case "notification.dateOfBirthAfterDeath":
            return form.error(at: F.childDateOfBirth, "Date of birth must be on or before the date of death")
        case "notification.ageEighteenOrOver":
            return form.error(
                at: F.childDateOfBirth,
                "The child must have been under 18 when they died – check the date of birth and the date of death")
        case "notification.dateOfDeathAfterNotification":
            return form.error(at: F.dateOfDeath, "Date of death must be on or before the date of this notification")
        case "notification.unknownArea":
            let residenceUnknown =
                notification.residenceAreaCode.map { context.configuration.area(code: $0) == nil } ?? false
            let codes = context.configuration.areas.map(\.code).joined(separator: ", ")
            return form.error(
                at: residenceUnknown ? F.residenceArea : F.areaOfDeath,
                "Enter one of the panel's area codes (\(codes)), or leave it blank if the area is outside the panel's")
        case "notification.professionalUnnamed":
            let index =
                notification.professionalsInvolved.firstIndex {
                    $0.name.trimmingCharacters(in: .whitespaces).isEmpty
                        && $0.organisation.trimmingCharacters(in: .whitespaces).isEmpty
                } ?? 0
            return form.error(
                at: "\(F.professionals)[\(index)].\(F.professionalName)",
                "Enter the professional's name or their organisation")
        case "notification.parentUnnamed":
            let index = notification.parentsAndCarers.firstIndex { TextField.optional($0.name) == nil } ?? 0
            return form.error(at: "\(F.parents)[\(index)].\(F.parentName)", "Enter the parent or carer's full name")
        case "notification.parentRelationshipMissing":
            let index = notification.parentsAndCarers.firstIndex { TextField.optional($0.relationship) == nil } ?? 0
            return form.error(
                at: "\(F.parents)[\(index)].\(F.parentRelationship)",
                "Enter their relationship to the child, for example mother")
        default:
            return FieldError(path: "", label: form.title, message: error.description)
        }
    }

    /// A recorded notification as answers to the notification form (to show it filled in).
    package static func answers(from n: DeathNotification) -> FormAnswers {
        var a: FormAnswers = [:]
        func text(_ id: String, _ value: String?) {
            if let value, !value.isEmpty { a[id] = .text(value) }
        }
        text(F.notifierName, n.notifier.name)
        text(F.notifierRole, n.notifier.role)
        text(F.notifierOrganisation, n.notifier.organisation)
        text(F.notifierPhone, n.notifier.phone)
        text(F.notifierEmail, n.notifier.email)
        a[F.dateNotified] = .date(n.notifier.dateNotified)
        text(F.childForenames, n.child.name.forenames)
        text(F.childSurname, n.child.name.surname)
        text(F.childOtherNames, n.child.name.aliases.joined(separator: "\n"))
        a[F.childDateOfBirth] = .date(n.child.dateOfBirth)
        a[F.childSex] = .choice(n.child.sex.rawValue)
        switch n.child.nhsNumber {
        case .known(let number):
            a[F.childNHSNumberStatus] = .choice(F.nhsNumberKnown)
            a[F.childNHSNumber] = .text(number.text)
        case .absent(let reason):
            a[F.childNHSNumberStatus] = .choice(reason.rawValue)
        }
        a[F.childEthnicity] = .choice(n.child.ethnicity.rawValue)
        text(F.childAddress, n.child.address?.lines.joined(separator: "\n"))
        text(F.childPostcode, n.child.address?.postcode)
        text(F.childGPPractice, n.child.gpPractice)
        a[F.dateOfDeath] = .date(n.death.date)
        text(F.timeOfDeath, n.death.time?.description)
        a[F.placeOfDeath] = .choice(n.death.place.kind.rawValue)
        text(F.placeOfDeathDescription, n.death.place.description)
        a[F.birthStatus] = .choice(n.death.birthStatus.rawValue)
        a[F.reportedExpectation] = .choice(n.death.reportedExpectation.rawValue)
        a[F.postMortem] = .yesNo(n.death.postMortem)
        a[F.coronerInformed] = .yesNo(n.death.coronerInformed)
        text(F.causeOfDeath, n.death.causeOfDeath)
        text(F.residenceArea, n.residenceAreaCode)
        text(F.areaOfDeath, n.areaOfDeathCode)
        text(F.circumstances, n.circumstances)
        let rows: [FormAnswers] = n.professionalsInvolved.map { p in
            var row: FormAnswers = [:]
            for (id, value) in [
                (F.professionalName, p.name), (F.professionalRole, p.role),
                (F.professionalOrganisation, p.organisation), (F.professionalContact, p.contact ?? ""),
            ] where !value.isEmpty {
                row[id] = .text(value)
            }
            return row
        }
        if !rows.isEmpty { a[F.professionals] = .groups(rows) }
        let parents: [FormAnswers] = n.parentsAndCarers.map { p in
            var row: FormAnswers = [:]
            for (id, value) in [
                (F.parentName, p.name), (F.parentRelationship, p.relationship), (F.parentContact, p.contact ?? ""),
            ] where !value.isEmpty {
                row[id] = .text(value)
            }
            return row
        }
        if !parents.isEmpty { a[F.parents] = .groups(parents) }
        return a
    }
}
