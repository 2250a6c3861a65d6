import CDOPJSON

/// The four form-request events that make up three in four stored events, read by hand (`TapeReadable`).
extension FormReminderIssued: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let requestID: FormRequestID = object.identifier("requestID"),
            let agencyName = object.string("agencyName"),
            let step = object.int("step"), let kind: ReminderKind = object.value("kind"), let at = object.date("at")
        else { return nil }
        self.init(requestID: requestID, agencyName: agencyName, step: step, kind: kind, at: at)
    }
}

extension FormRequested: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let requestID: FormRequestID = object.identifier("requestID"),
            let agencyID: AgencyID = object.identifier("agencyID"),
            let agencyName = object.string("agencyName"), let formType: FormType = object.value("formType"),
            let contactEmail = object.string("contactEmail"), let dueDate = object.calendarDate("dueDate"),
            let schedule = object.optional("schedule", { $0.object($1).flatMap(ScheduleReference.init(reading:)) }),
            let at = object.date("at")
        else { return nil }
        self.init(
            requestID: requestID, agencyID: agencyID, agencyName: agencyName, formType: formType,
            contactEmail: contactEmail,
            dueDate: dueDate, schedule: schedule, at: at)
    }
}

extension FormDeclined: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let requestID: FormRequestID = object.identifier("requestID"),
            let agencyName = object.string("agencyName"),
            let declaredBy = object.string("declaredBy"), let at = object.date("at")
        else { return nil }
        self.init(requestID: requestID, agencyName: agencyName, declaredBy: declaredBy, at: at)
    }
}

extension AgencyRecordedInvolved: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let involvement = object.object("involvement").flatMap(AgencyInvolvement.init(reading:)),
            let at = object.date("at")
        else { return nil }
        self.init(involvement: involvement, at: at)
    }
}

extension AgencyInvolvement {
    package init?(reading object: JSONObjectReader) {
        guard let agencyID: AgencyID = object.identifier("agencyID"), let agencyName = object.string("agencyName"),
            let kind: AgencyKind = object.value("kind"),
            let contactName = object.optional("contactName", { $0.string($1) }),
            let contactEmail = object.optional("contactEmail", { $0.string($1) })
        else { return nil }
        self.init(
            agencyID: agencyID, agencyName: agencyName, kind: kind, contactName: contactName, contactEmail: contactEmail
        )
    }
}

extension ScheduleReference {
    package init?(reading object: JSONObjectReader) {
        guard let id = object.string("id"), let version = object.int("version") else { return nil }
        self.init(id: id, version: version)
    }
}
