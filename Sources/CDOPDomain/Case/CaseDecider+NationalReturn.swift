import Foundation

/// Finalising the parts of the national return, and reopening a finalised part.
extension CaseDecider {
    /// Marks the notification, a returned form or the panel's outcome finalised; only what exists and was
    /// returned can be, with every national item the return requires answered, and only once until reopened.
    static func finaliseNationalReturnPart(
        _ part: NationalReturnPart, emptyRequiredItems: [NationalItemGap], _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireInScope(state)
        if let at = state.nationalReturnFinalised[part] {
            throw DomainError(
                code: "ncmd.alreadyFinalised",
                "\(what(part, state).capitalisedFirst) was already finalised on \(DayFormatter.long(LondonTime.day(of: at))); "
                    + "reopen it first to change it.")
        }
        switch part {
        case .notification:
            break
        case .outcome:
            guard state.panelOutcome != nil else {
                throw DomainError(
                    code: "ncmd.outcomeNotRecorded",
                    "The panel's outcome is not recorded yet, so it cannot be finalised: record the analysis first.")
            }
        case .request(let id):
            guard let request = state.request(id) else {
                throw DomainError(
                    code: "ncmd.unknownRequest", "This case has no form request \(id); check the request's id.")
            }
            guard case .returned = request.resolution else {
                throw DomainError(
                    code: "ncmd.formNotReturned",
                    "Only a returned form can be finalised: the \(request.formType.label) from \(request.agencyName) "
                        + "is \(request.status.label).")
            }
        }
        if !emptyRequiredItems.isEmpty {
            let items = emptyRequiredItems.map { "\($0.label) (\($0.item))" }.joined(separator: ", ")
            throw DomainError(
                code: "ncmd.requiredItemsEmpty",
                "\(what(part, state).capitalisedFirst) cannot be finalised: the national return needs \(items). "
                    + "Complete or correct it first.")
        }
        return [.nationalReturnPartFinalised(NationalReturnPartFinalised(part: part, at: context.now))]
    }

    /// Reopens a finalised part so it can change; a reason is required.
    static func reopenNationalReturnPart(
        _ part: NationalReturnPart, reason: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        guard state.nationalReturnFinalised[part] != nil else {
            throw DomainError(
                code: "ncmd.notFinalised",
                "\(what(part, state).capitalisedFirst) is not finalised, so there is nothing to reopen.")
        }
        guard let reason = TextField.optional(reason) else {
            throw .reasonMissing("reopen a finalised part of the return")
        }
        return [.nationalReturnPartReopened(NationalReturnPartReopened(part: part, reason: reason, at: context.now))]
    }

    /// "the notification", "the panel's outcome", "the reporting form from Police".
    package static func what(_ part: NationalReturnPart, _ state: CaseState) -> String {
        switch part {
        case .notification: "the notification"
        case .outcome: "the panel's outcome"
        case .request(let id):
            state.request(id).map { "the \($0.formType.label) from \($0.agencyName)" } ?? "the form request \(id)"
        }
    }
}
