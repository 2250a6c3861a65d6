import Foundation

/// Agencies involved and their forms: request, chase (idempotent per step and level), return, decline,
/// withdraw, waive.
extension CaseDecider {
    /// Records an agency involved with the child.
    static func recordAgencyInvolved(
        _ involvement: AgencyInvolvement, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        try requireInScope(state)
        if let existing = state.involvement(of: involvement.agencyID) {
            throw DomainError(
                code: "agency.alreadyInvolved",
                "\(existing.agencyName) is already recorded as involved with this child.")
        }
        var clean = involvement
        clean.agencyName = try TextField.required(
            involvement.agencyName, field: "agency name", code: "agency.nameMissing")
        clean.contactName = TextField.optional(involvement.contactName)
        if let email = TextField.optional(involvement.contactEmail) {
            clean.contactEmail = try EmailAddress.validated(email, field: "contact email for \(clean.agencyName)")
        } else {
            clean.contactEmail = nil
        }
        return [.agencyRecordedInvolved(AgencyRecordedInvolved(involvement: clean, at: context.now))]
    }

    /// Requests a form from an involved agency; one outstanding request per agency and form type.
    static func requestForm(
        _ requestID: FormRequestID, _ agencyID: AgencyID, _ formType: FormType, _ contactEmail: String,
        _ dueDate: CalendarDate, _ schedule: ScheduleReference?, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        guard state.request(requestID) == nil else {
            throw DomainError(
                code: "formRequest.duplicateID", "A form request with the reference \(requestID) already exists.")
        }
        guard let agency = state.involvement(of: agencyID) else {
            throw DomainError(
                code: "formRequest.agencyNotInvolved",
                "The agency \(agencyID) is not recorded as involved with this child; record it first.")
        }
        let email = try EmailAddress.validated(contactEmail, field: "contact email for \(agency.agencyName)")
        guard dueDate >= context.today else {
            throw DomainError(
                code: "formRequest.dueDateInPast",
                "The due date (\(DayFormatter.long(dueDate))) is before today (\(DayFormatter.long(context.today))).")
        }
        if let open = state.outstandingRequests.first(where: { $0.agencyID == agencyID && $0.formType == formType }) {
            throw DomainError(
                code: "formRequest.alreadyOutstanding",
                "\(agency.agencyName) already has an outstanding \(formType.label), due \(DayFormatter.long(open.dueDate))."
            )
        }
        return [
            .formRequested(
                FormRequested(
                    requestID: requestID, agencyID: agencyID, agencyName: agency.agencyName, formType: formType,
                    contactEmail: email, dueDate: dueDate, schedule: schedule, at: context.now))
        ]
    }

    /// The request with this id, or a refusal.
    static func existingRequest(_ id: FormRequestID, _ state: CaseState) throws(DomainError) -> FormRequest {
        guard let request = state.request(id) else {
            throw DomainError(code: "formRequest.notFound", "There is no form request \(id) on this case.")
        }
        return request
    }

    /// Issues reminder `step` once; nothing when already issued or the request is no longer outstanding.
    static func issueReminder(
        _ id: FormRequestID, _ step: Int, _ kind: ReminderKind, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        guard step >= 1 else {
            throw DomainError(code: "formRequest.invalidStep", "The reminder step (\(step)) must be 1 or more.")
        }
        guard request.isOutstanding, !request.remindersIssued.contains(step) else { return [] }
        return [
            .formReminderIssued(
                FormReminderIssued(requestID: id, agencyName: request.agencyName, step: step, kind: kind, at: now))
        ]
    }

    /// Escalates to `level` once; nothing when that level was reached or the request is no longer outstanding.
    static func escalate(
        _ id: FormRequestID, _ level: EscalationLevel, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        guard request.isOutstanding else { return [] }
        if let reached = request.escalation, reached >= level { return [] }
        return [.formEscalated(FormEscalated(requestID: id, agencyName: request.agencyName, level: level, at: now))]
    }

    /// Refuses a return or decline on a request that was withdrawn or already answered.
    static func requireAcceptsAnswer(_ request: FormRequest) throws(DomainError) {
        switch request.resolution {
        case nil, .waived: return
        case .withdrawn(let reason, let at):
            throw DomainError(
                code: "formRequest.withdrawn",
                "The request to \(request.agencyName) was withdrawn on \(DayFormatter.long(at)) (\(reason)); "
                    + "it can no longer be answered.")
        case .returned(let at):
            throw DomainError(
                code: "formRequest.alreadyReturned",
                "\(request.agencyName) already returned this form on \(DayFormatter.long(at)).")
        case .declinedNoInformation(let at):
            throw DomainError(
                code: "formRequest.alreadyDeclined",
                "\(request.agencyName) already declared no information held on \(DayFormatter.long(at)).")
        }
    }

    /// Refuses a form definition reference without an id or with a version below 1.
    static func requireValidDefinition(_ definition: FormDefinitionReference) throws(DomainError) {
        guard !definition.id.isEmpty, definition.version >= 1 else {
            throw DomainError(
                code: "formReturn.definitionInvalid",
                "The form definition (\(definition.id) version \(definition.version)) is not a valid reference.")
        }
    }

    /// Keeps a practitioner's unfinished answers on an outstanding request (each save replaces the last).
    static func recordFormOpened(
        _ id: FormRequestID, _ view: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        let request = try existingRequest(id, state)
        try requireOutstanding(request, "opened")
        return [
            .formOpened(
                FormOpened(
                    requestID: id, agencyName: request.agencyName, formType: request.formType, view: view,
                    at: context.now))
        ]
    }

    static func saveFormDraft(
        _ id: FormRequestID, _ definition: FormDefinitionReference, _ answers: FormAnswers, _ savedBy: String,
        _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        let request = try existingRequest(id, state)
        try requireOutstanding(request, "saved as a draft")
        let by = try TextField.required(
            savedBy, field: "name of the person saving the draft", code: "formDraft.saverMissing")
        try requireValidDefinition(definition)
        return [
            .formDraftSaved(
                FormDraftSaved(
                    requestID: id, agencyName: request.agencyName, formType: request.formType,
                    definition: definition, answers: answers, savedBy: by, at: context.now))
        ]
    }

    /// Records the agency's returned form (also accepted late, after a waiver).
    static func recordFormReturned(
        _ id: FormRequestID, _ definition: FormDefinitionReference, _ answers: FormAnswers, _ submittedBy: String,
        _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        try requireAcceptsAnswer(request)
        let by = try TextField.required(
            submittedBy, field: "name of the person returning the form", code: "formReturn.submitterMissing")
        try requireValidDefinition(definition)
        return [
            .formReturned(
                FormReturned(
                    requestID: id, agencyName: request.agencyName, definition: definition, answers: answers,
                    submittedBy: by, at: now))
        ]
    }

    /// Records the agency's "no information held".
    static func recordNoInformationHeld(
        _ id: FormRequestID, _ declaredBy: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        try requireAcceptsAnswer(request)
        let by = try TextField.required(
            declaredBy, field: "name of the person declaring", code: "formReturn.submitterMissing")
        return [.formDeclined(FormDeclined(requestID: id, agencyName: request.agencyName, declaredBy: by, at: now))]
    }

    /// Refuses unless the request is still outstanding.
    static func requireOutstanding(_ request: FormRequest, _ action: String) throws(DomainError) {
        guard request.isOutstanding else {
            throw DomainError(
                code: "formRequest.notOutstanding",
                "The request to \(request.agencyName) is \(request.status.label); only an outstanding request can be \(action)."
            )
        }
    }

    /// Withdraws an outstanding (or waived) request.
    static func withdrawFormRequest(
        _ id: FormRequestID, _ reason: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        if !request.acceptsReturn { try requireOutstanding(request, "withdrawn") }
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("withdraw a form request") }
        return [
            .formRequestWithdrawn(
                FormRequestWithdrawn(requestID: id, agencyName: request.agencyName, reason: reason, at: now)),
            .formWithdrawalNoticeQueued(
                FormWithdrawalNoticeQueued(requestID: id, agencyName: request.agencyName, at: now)),
        ]
    }

    /// Stops waiting for an outstanding request.
    static func waiveFormRequest(
        _ id: FormRequestID, _ reason: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        let request = try existingRequest(id, state)
        try requireOutstanding(request, "waived")
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("waive a form request") }
        return [
            .formRequestWaived(
                FormRequestWaived(requestID: id, agencyName: request.agencyName, reason: reason, at: context.now))
        ]
    }
}
