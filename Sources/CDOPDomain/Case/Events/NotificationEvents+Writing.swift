import CDOPJSON

/// The notification that opens every case, written by hand (`CanonicalWritable`): the largest payload an
/// import writes, once a row, and through Codable the dearest one. Keys in ascending order.
extension NotificationReceived: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.string("areaCode", areaCode)
        json.instant("at", at)
        json.identifier("caseID", caseID)
        json.object("notification") { notification.write(to: &$0) }
        if let possibleDuplicateOf { json.identifier("possibleDuplicateOf", possibleDuplicateOf) }
        json.bool("residentInPanelArea", residentInPanelArea)
    }
}

extension DeathNotification {
    package func write(to json: inout JSONObjectWriter) {
        json.string("areaOfDeathCode", areaOfDeathCode)
        json.object("child") { child.write(to: &$0) }
        json.string("circumstances", circumstances)
        json.object("death") { death.write(to: &$0) }
        json.object("notifier") { notifier.write(to: &$0) }
        // None written when there are none: a notification recorded before they were asked for is written as stored.
        if !parentsAndCarers.isEmpty {
            json.objects("parentsAndCarers", parentsAndCarers) { parent, object in
                object.string("contact", parent.contact)
                object.string("name", parent.name)
                object.string("relationship", parent.relationship)
            }
        }
        json.objects("professionalsInvolved", professionalsInvolved) { professional, object in
            object.string("contact", professional.contact)
            object.string("name", professional.name)
            object.string("organisation", professional.organisation)
            object.string("role", professional.role)
        }
        json.string("residenceAreaCode", residenceAreaCode)
    }
}

extension ChildDetails {
    package func write(to json: inout JSONObjectWriter) {
        if let address {
            json.object("address") {
                $0.strings("lines", address.lines)
                $0.string("postcode", address.postcode)
            }
        }
        json.day("dateOfBirth", dateOfBirth)
        json.value("ethnicity", ethnicity)
        json.string("gpPractice", gpPractice)
        json.object("name") {
            $0.strings("aliases", name.aliases)
            $0.string("forenames", name.forenames)
            $0.string("surname", name.surname)
        }
        json.object("nhsNumber") {
            switch nhsNumber {
            case .known(let number): $0.string("number", number.text)
            case .absent(let reason): $0.value("absentBecause", reason)
            }
        }
        json.value("sex", sex)
    }
}

extension DeathDetails {
    package func write(to json: inout JSONObjectWriter) {
        json.value("birthStatus", birthStatus)
        json.string("causeOfDeath", causeOfDeath)
        json.value("coronerInformed", coronerInformed)
        json.day("date", date)
        json.object("place") {
            $0.string("description", place.description)
            $0.value("kind", place.kind)
        }
        json.value("postMortem", postMortem)
        json.value("reportedExpectation", reportedExpectation)
        json.string("time", time?.description)
    }
}

extension Notifier {
    package func write(to json: inout JSONObjectWriter) {
        json.day("dateNotified", dateNotified)
        json.string("email", email)
        json.string("name", name)
        json.string("organisation", organisation)
        json.string("phone", phone)
        json.string("role", role)
    }
}
