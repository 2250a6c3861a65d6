import Foundation

/// An erasure asked for, approved by two different people, then carried out by the shell (which deletes the keys
/// and records each person erased): nothing is erased on one person's word.
package struct ErasureApproval: Hashable, Sendable {
    package var roles: [String]
    package var reason: String
    package var requestedBy: String
    package var requestedAt: Date
    /// The different people who have approved, in order (a person who asked is the first).
    package var approvedBy: [String]

    /// Two different people have approved: the shell is to carry it out.
    package var isApproved: Bool { approvedBy.count >= 2 }
}

extension CaseDecider {
    /// Asks for the erasure of `roles` (empty: everyone the case names).
    static func requestErasure(
        _ roles: [String], _ reason: String, by person: String?, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        try checkedRoles(roles, state)
        let reason = try checkedErasureReason(reason)
        if let pending = state.erasureApproval {
            throw DomainError(
                code: "erasure.alreadyRequested",
                "An erasure was already asked for on \(DayFormatter.long(LondonTime.day(of: pending.requestedAt))) by \(pending.requestedBy): approve or decline it first."
            )
        }
        var by: String?
        if let person { by = try TextField.required(person, field: "who asks", code: "erasure.approverMissing") }
        return [
            .erasureRequested(
                ErasureRequested(
                    roles: roles, reason: reason, requestedBy: by ?? ErasureRequested.scheduleName,
                    requestedByPerson: by != nil, at: now))
        ]
    }

    /// One person's approval of the erasure asked for; the same person twice is refused.
    static func approveErasure(by person: String, _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]
    {
        let person = try TextField.required(person, field: "who approves", code: "erasure.approverMissing")
        guard let pending = state.erasureApproval else {
            throw DomainError(code: "erasure.notRequested", "No erasure has been asked for on this case.")
        }
        guard !pending.isApproved else {
            throw DomainError(
                code: "erasure.alreadyApproved", "The erasure is approved already and is being carried out.")
        }
        guard !pending.approvedBy.contains(person) else {
            throw DomainError(
                code: "erasure.sameApprover",
                "\(person) has already \(pending.requestedBy == person ? "asked for" : "approved") this erasure: a second person must approve it."
            )
        }
        return [
            .erasureApproved(ErasureApproved(approvedBy: person, approvals: pending.approvedBy.count + 1, at: now))
        ]
    }

    /// Declines the erasure asked for, with the reason.
    static func declineErasure(by person: String, _ reason: String, _ state: CaseState, _ now: Date)
        throws(DomainError) -> [CaseEvent]
    {
        let person = try TextField.required(person, field: "who declines", code: "erasure.approverMissing")
        let reason = try TextField.required(reason, field: "reason", code: "erasure.reasonMissing")
        guard let pending = state.erasureApproval, !pending.isApproved else {
            throw DomainError(code: "erasure.notRequested", "No erasure awaiting approval has been asked for.")
        }
        return [.erasureDeclined(ErasureDeclined(declinedBy: person, reason: reason, at: now))]
    }

    /// Records the approved erasure done, once every role in it is erased.
    static func recordErasureCarriedOut(_ roles: [String], _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]
    {
        guard let pending = state.erasureApproval, pending.isApproved else {
            throw DomainError(code: "erasure.notApproved", "No approved erasure is waiting on this case.")
        }
        let missing = roles.filter { !state.erasedSubjects.contains($0) }
        guard missing.isEmpty else {
            throw DomainError(
                code: "erasure.incomplete",
                "Not yet erased: \(missing.map(SubjectErased.describe).joined(separator: ", ")).")
        }
        return [.erasureCarriedOut(ErasureCarriedOut(roles: roles, at: now))]
    }
}

extension ErasureRequested {
    /// Who asks when the retention schedule does.
    package static let scheduleName = "retention schedule"

    /// Why the retention schedule asks: the period after the closing that started it has ended.
    package static func retentionReason(closedAt: Date, schedule: ScheduleReference) -> String {
        "The retention period after the case closed on \(DayFormatter.long(LondonTime.day(of: closedAt))) has ended (schedule \(schedule.id), version \(schedule.version))."
    }
}
