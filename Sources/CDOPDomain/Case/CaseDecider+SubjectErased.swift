import Foundation

extension CaseDecider {
    /// The longest reason kept for an erasure.
    package static let erasureReasonLimit = 500

    /// Records that a person's personal data in the case was erased; the same person again records nothing.
    package static func recordSubjectErased(_ role: String, _ reason: String, _ state: CaseState, _ now: Date)
        throws(DomainError) -> [CaseEvent]
    {
        let reason = try checkedSubject(role, reason, state)
        guard !state.erasedSubjects.contains(role) else { return [] }
        return [.subjectErased(SubjectErased(role: role, reason: reason, at: now))]
    }

    /// Records that what the case holds about a person was exported for them; each export is recorded.
    package static func recordSubjectAccessExported(
        _ role: String, _ reason: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let reason = try checkedSubject(role, reason, state)
        return [.subjectAccessExported(SubjectAccessExported(role: role, reason: reason, at: now))]
    }

    /// The reason trimmed, once the case has a notification, the role is a role and the reason is given and short.
    static func checkedSubject(_ role: String, _ reason: String, _ state: CaseState) throws(DomainError) -> String {
        try checkedRoles([role], state)
        return try checkedErasureReason(reason)
    }

    /// Refuses a case without a notification, and any role that is not a person's role in a case.
    static func checkedRoles(_ roles: [String], _ state: CaseState) throws(DomainError) {
        guard state.notification != nil else {
            throw DomainError(code: "case.notFound", "There is no notification on this case.")
        }
        for role in roles {
            guard !role.isEmpty, role.count <= 100,
                role.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
            else {
                throw DomainError(
                    code: "erasure.invalidRole",
                    "\"\(role.prefix(100))\" is not a person's role in a case: child, notifier, family, parent-N, professional-N, author-REQUEST or contact-REQUEST."
                )
            }
        }
    }

    /// The reason for an erasure or export, trimmed, given and short.
    static func checkedErasureReason(_ reason: String) throws(DomainError) -> String {
        let reason = try TextField.required(
            reason, field: "reason (the policy or request it follows)", code: "erasure.reasonMissing")
        guard reason.count <= erasureReasonLimit else {
            throw DomainError(
                code: "erasure.reasonTooLong",
                "The reason is longer than \(erasureReasonLimit) characters: give the policy or request it follows.")
        }
        return reason
    }
}
