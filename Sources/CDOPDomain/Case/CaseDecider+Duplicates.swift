import Foundation

/// The same death notified twice: linked, then confirmed (and merged) or rejected by the coordinator.
extension CaseDecider {
    /// Clears the link to a possible duplicate.
    static func rejectPossibleDuplicate(_ reason: String, _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]
    {
        guard let other = state.possibleDuplicateOf else {
            throw DomainError(code: "duplicate.noPossibleDuplicate", "This case is not linked to a possible duplicate.")
        }
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("reject a possible duplicate") }
        return [.possibleDuplicateRejected(PossibleDuplicateRejected(of: other, reason: reason, at: now))]
    }

    /// Ends this case as a duplicate of `primary`, withdrawing its outstanding requests.
    static func confirmDuplicate(_ primary: CaseID, _ state: CaseState, _ context: DecisionContext) throws(DomainError)
        -> [CaseEvent]
    {
        guard primary != state.caseID else {
            throw DomainError(code: "duplicate.ofItself", "A case cannot be a duplicate of itself (\(primary)).")
        }
        try requireNotClosed(state)
        return withdrawOutstanding(state, reason: "Duplicate of case \(primary), whose requests apply", context)
            + [.duplicateConfirmed(DuplicateConfirmed(primary: primary, at: context.now))]
    }

    /// Adds to this (primary) case what a confirmed duplicate knew and it did not; merging twice adds nothing.
    static func mergeDuplicate(
        _ from: CaseID, _ duplicate: DeathNotification, _ agencies: [AgencyInvolvement], _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        guard from != state.caseID else {
            throw DomainError(code: "duplicate.ofItself", "A case cannot be merged into itself (\(from)).")
        }
        guard !state.mergedDuplicates.contains(from), let own = state.notification else { return [] }
        var nhsNumberAdded: NHSNumber?
        if own.child.nhsNumber.number == nil, let number = duplicate.child.nhsNumber.number {
            nhsNumberAdded = number
        }
        let key = { (p: ProfessionalInvolved) in NameNormaliser.fold(p.name) + "|" + NameNormaliser.fold(p.organisation)
        }
        var known = Set(own.professionalsInvolved.map(key))
        var professionals: [ProfessionalInvolved] = []
        for professional in duplicate.professionalsInvolved where known.insert(key(professional)).inserted {
            professionals.append(professional)
        }
        var knownAgencies = Set(state.agencies.map(\.agencyID))
        let newAgencies = agencies.filter { knownAgencies.insert($0.agencyID).inserted }
        return [
            .duplicateMerged(
                DuplicateMerged(
                    from: from, notifier: duplicate.notifier, nhsNumberAdded: nhsNumberAdded,
                    professionalsAdded: professionals, agenciesAdded: newAgencies, at: now))
        ]
    }
}
