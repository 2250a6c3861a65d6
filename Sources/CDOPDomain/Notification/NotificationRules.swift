/// The checks a notification must pass before a case is opened, and the tidy form it is recorded in.
package enum NotificationRules {
    /// The notification trimmed and normalised (NHS number digits, postcode), or the first refusal.
    package static func validated(_ form: DeathNotification, context: DecisionContext) throws(DomainError)
        -> DeathNotification
    {
        var n = form
        n.notifier = try validated(form.notifier, today: context.today)
        n.child.name.surname = try TextField.required(
            form.child.name.surname, field: "child's surname", code: "notification.surnameMissing")
        n.child.name.forenames = TextField.optional(form.child.name.forenames) ?? ""
        n.child.name.aliases = form.child.name.aliases.compactMap(TextField.optional)
        if case .known(let number) = form.child.nhsNumber {
            n.child.nhsNumber = .known(try number.validated())
        }
        n.child.address = try form.child.address?.validated()
        n.child.gpPractice = TextField.optional(form.child.gpPractice)
        n.death.causeOfDeath = TextField.optional(form.death.causeOfDeath)
        n.death.place.description = TextField.optional(form.death.place.description)
        n.circumstances = TextField.optional(form.circumstances) ?? ""
        n.professionalsInvolved = try form.professionalsInvolved.map(validated)
        n.parentsAndCarers = try form.parentsAndCarers.map(validated)
        try checkDates(n)
        try checkArea(n.residenceAreaCode, field: "area of residence", context: context)
        try checkArea(n.areaOfDeathCode, field: "area where the child died", context: context)
        return n
    }

    /// Birth before death, under 18 at death, death on or before the notification.
    static func checkDates(_ n: DeathNotification) throws(DomainError) {
        let born = n.child.dateOfBirth
        let died = n.death.date
        guard born <= died else {
            throw DomainError(
                code: "notification.dateOfBirthAfterDeath",
                "The date of birth (\(DayFormatter.long(born))) is after the date of death (\(DayFormatter.long(died)))."
            )
        }
        let age = AgeAtDeath.years(born: born, on: died)
        guard age < 18 else {
            throw DomainError(
                code: "notification.ageEighteenOrOver",
                "The child was \(age) at death (date of birth \(DayFormatter.long(born)), date of death "
                    + "\(DayFormatter.long(died))); child death reviews cover children under 18.")
        }
        guard died <= n.notifier.dateNotified else {
            throw DomainError(
                code: "notification.dateOfDeathAfterNotification",
                "The date of death (\(DayFormatter.long(died))) is after the date of notification "
                    + "(\(DayFormatter.long(n.notifier.dateNotified))).")
        }
    }

    /// A given area code must be one of the panel's areas.
    static func checkArea(_ code: String?, field: String, context: DecisionContext) throws(DomainError) {
        guard let code, context.configuration.area(code: code) == nil else { return }
        let known = context.configuration.areas.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        throw DomainError(
            code: "notification.unknownArea",
            "The \(field) (\(code)) is not one of \(context.configuration.name)'s areas: \(known). "
                + "Leave it empty when the child lived or died outside them.")
    }

    /// The notifier with required fields present, a valid email and a date not in the future.
    static func validated(_ notifier: Notifier, today: CalendarDate) throws(DomainError) -> Notifier {
        var n = notifier
        n.name = try TextField.required(
            notifier.name, field: "notifier's name", code: "notification.notifierNameMissing")
        n.role = try TextField.required(
            notifier.role, field: "notifier's role", code: "notification.notifierRoleMissing")
        n.organisation = try TextField.required(
            notifier.organisation, field: "notifier's organisation", code: "notification.notifierOrganisationMissing")
        n.phone = TextField.optional(notifier.phone)
        if let email = TextField.optional(notifier.email) {
            n.email = try EmailAddress.validated(email, field: "notifier's email")
        } else {
            n.email = nil
        }
        guard notifier.dateNotified <= today else {
            throw DomainError.dateInFuture(field: "date of notification", date: notifier.dateNotified, today: today)
        }
        return n
    }

    /// A listed parent or carer needs a name and their relationship to the child.
    static func validated(_ p: ParentOrCarer) throws(DomainError) -> ParentOrCarer {
        let name = try TextField.required(
            p.name, field: "parent or carer's name", code: "notification.parentUnnamed")
        let relationship = try TextField.required(
            p.relationship, field: "relationship of \(name) to the child",
            code: "notification.parentRelationshipMissing")
        return ParentOrCarer(name: name, relationship: relationship, contact: TextField.optional(p.contact))
    }

    /// A listed professional needs at least a name or an organisation.
    static func validated(_ p: ProfessionalInvolved) throws(DomainError) -> ProfessionalInvolved {
        let name = TextField.optional(p.name) ?? ""
        let organisation = TextField.optional(p.organisation) ?? ""
        guard !(name.isEmpty && organisation.isEmpty) else {
            throw DomainError(
                code: "notification.professionalUnnamed",
                "A professional involved has neither a name nor an organisation; give at least one.")
        }
        return ProfessionalInvolved(
            name: name, role: TextField.optional(p.role) ?? "", organisation: organisation,
            contact: TextField.optional(p.contact))
    }
}
