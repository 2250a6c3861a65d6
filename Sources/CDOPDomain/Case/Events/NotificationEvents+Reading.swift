import CDOPJSON

/// The notification that opens every case, read by hand (`TapeReadable`): the deepest payload a replay reads,
/// once a case, and through Codable the dearest one.
extension NotificationReceived: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let caseID: CaseID = object.identifier("caseID"),
            let notification = object.object("notification").flatMap(DeathNotification.init(reading:)),
            let areaCode = object.optional("areaCode", { $0.string($1) }),
            let residentInPanelArea = object.bool("residentInPanelArea"),
            let possibleDuplicateOf = object.optional(
                "possibleDuplicateOf", { (object, key) -> CaseID? in object.identifier(key) }),
            let at = object.date("at")
        else { return nil }
        self.init(
            caseID: caseID, notification: notification, areaCode: areaCode, residentInPanelArea: residentInPanelArea,
            possibleDuplicateOf: possibleDuplicateOf, at: at)
    }
}

extension DeathNotification {
    package init?(reading object: JSONObjectReader) {
        guard let notifier = object.object("notifier").flatMap(Notifier.init(reading:)),
            let child = object.object("child").flatMap(ChildDetails.init(reading:)),
            let death = object.object("death").flatMap(DeathDetails.init(reading:)),
            let residenceAreaCode = object.optional("residenceAreaCode", { $0.string($1) }),
            let areaOfDeathCode = object.optional("areaOfDeathCode", { $0.string($1) }),
            let circumstances = object.string("circumstances"),
            let professionalsInvolved = object.objects("professionalsInvolved", ProfessionalInvolved.init(reading:)),
            let parentsAndCarers = object.optional(
                "parentsAndCarers", { $0.objects($1, ParentOrCarer.init(reading:)) })
        else { return nil }
        self.init(
            notifier: notifier, child: child, death: death, residenceAreaCode: residenceAreaCode,
            areaOfDeathCode: areaOfDeathCode, circumstances: circumstances,
            professionalsInvolved: professionalsInvolved,
            parentsAndCarers: parentsAndCarers ?? [])
    }
}

extension Notifier {
    package init?(reading object: JSONObjectReader) {
        guard let name = object.string("name"), let role = object.string("role"),
            let organisation = object.string("organisation"), let phone = object.optional("phone", { $0.string($1) }),
            let email = object.optional("email", { $0.string($1) }),
            let dateNotified = object.calendarDate("dateNotified")
        else { return nil }
        self.init(
            name: name, role: role, organisation: organisation, phone: phone, email: email, dateNotified: dateNotified)
    }
}

extension ChildDetails {
    package init?(reading object: JSONObjectReader) {
        guard let name = object.object("name").flatMap(PersonName.init(reading:)),
            let dateOfBirth = object.calendarDate("dateOfBirth"), let sex: Sex = object.value("sex"),
            let nhsNumber = object.object("nhsNumber").flatMap(NHSNumberStatus.init(reading:)),
            let ethnicity: Ethnicity = object.value("ethnicity"),
            let address = object.optional("address", { $0.object($1).flatMap(Address.init(reading:)) }),
            let gpPractice = object.optional("gpPractice", { $0.string($1) })
        else { return nil }
        self.init(
            name: name, dateOfBirth: dateOfBirth, sex: sex, nhsNumber: nhsNumber, ethnicity: ethnicity,
            address: address,
            gpPractice: gpPractice)
    }
}

extension PersonName: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let forenames = object.string("forenames"), let surname = object.string("surname"),
            let aliases = object.strings("aliases")
        else { return nil }
        self.init(forenames: forenames, surname: surname, aliases: aliases)
    }
}

extension NHSNumberStatus: TapeReadable {
    /// As its Codable reading: a number when `number` is present and not null, else the reason it is absent.
    package init?(reading object: JSONObjectReader) {
        switch object.optional("number", { $0.string($1) }) {
        case .some(.some(let number)):
            self = .known(NHSNumber(number))
        case .some(.none):
            guard let reason: NHSNumberAbsence = object.value("absentBecause") else { return nil }
            self = .absent(reason)
        case .none:
            return nil
        }
    }
}

extension Address {
    package init?(reading object: JSONObjectReader) {
        guard let lines = object.strings("lines"), let postcode = object.optional("postcode", { $0.string($1) }) else {
            return nil
        }
        self.init(lines: lines, postcode: postcode)
    }
}

extension DeathDetails: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let date = object.calendarDate("date"),
            let time = object.optional("time", { $0.string($1).flatMap(TimeOfDay.init(text:)) }),
            let place = object.object("place").flatMap(PlaceOfDeath.init(reading:)),
            let birthStatus: BirthStatus = object.value("birthStatus"),
            let reportedExpectation: Expectation = object.value("reportedExpectation"),
            let postMortem: YesNoNotKnown = object.value("postMortem"),
            let coronerInformed: YesNoNotKnown = object.value("coronerInformed"),
            let causeOfDeath = object.optional("causeOfDeath", { $0.string($1) })
        else { return nil }
        self.init(
            date: date, time: time, place: place, birthStatus: birthStatus, reportedExpectation: reportedExpectation,
            postMortem: postMortem, coronerInformed: coronerInformed, causeOfDeath: causeOfDeath)
    }
}

extension PlaceOfDeath {
    package init?(reading object: JSONObjectReader) {
        guard let kind: PlaceOfDeathKind = object.value("kind"),
            let description = object.optional("description", { $0.string($1) })
        else { return nil }
        self.init(kind: kind, description: description)
    }
}

extension ParentOrCarer {
    package init?(reading object: JSONObjectReader) {
        guard let name = object.string("name"), let relationship = object.string("relationship"),
            let contact = object.optional("contact", { $0.string($1) })
        else { return nil }
        self.init(name: name, relationship: relationship, contact: contact)
    }
}

extension ProfessionalInvolved {
    package init?(reading object: JSONObjectReader) {
        guard let name = object.string("name"), let role = object.string("role"),
            let organisation = object.string("organisation"),
            let contact = object.optional("contact", { $0.string($1) })
        else { return nil }
        self.init(name: name, role: role, organisation: organisation, contact: contact)
    }
}
