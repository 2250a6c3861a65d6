import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// The engine's own commands for one historic row, decided in a session: the notification (checked against
/// existing cases as any notification is, and flagged as a possible duplicate the same way), the row's
/// reference kept on the case, triage, and when reviewed: ready, listed at a panel meeting of the review day,
/// and the panel's outcome. No schedule starts and no mail is written.
struct HistoricRowCommands: Sendable {
    /// Where the reference comes from, as the case's timeline says it.
    static let referenceSource = "the panel's earlier records"

    /// The panel meeting of a review day: the same id for the same file and day, so a batch, or an import
    /// finished after a crash, finds the meeting an earlier batch scheduled.
    let meetingID: @Sendable (CalendarDate) -> MeetingID

    /// What the check found for a row: the case it may duplicate (nil: none).
    struct Found: Sendable {
        var duplicateOf: CaseID?
    }

    /// Decides `row` as the new case `caseID`; returns the existing case it may duplicate, if any. `found`: what
    /// the check found, still true because nothing else was written since (the rows of one file never match
    /// each other, nor share a reference, or the check would have refused them), so not looked up again.
    @discardableResult
    func decide(
        _ row: HistoricRow, as caseID: CaseID, in session: CommandSession, found: Found? = nil
    ) throws(CommandError) -> CaseID? {
        session.startNew(CaseDecider.self, caseID.streamID)
        let duplicateOf: CaseID?
        if let found {
            duplicateOf = found.duplicateOf
        } else {
            try requireReferenceFree(row.reference, in: session)
            duplicateOf = try session.possibleDuplicate(of: row.notification, excluding: caseID)
        }
        try session.decideOnCase(
            caseID, .notify(caseID: caseID, notification: row.notification, possibleDuplicateOf: duplicateOf),
            schedules: nil)
        try session.decideOnCase(
            caseID, .recordExternalReference(reference: row.reference, source: Self.referenceSource), schedules: nil)
        try session.decideOnCase(
            caseID, .triage(expectation: row.expectation, confirmedBy: "Historic records", triggers: []), schedules: nil
        )
        if row.expectation == .unexpected {
            try session.decideOnCase(
                caseID,
                .completeRapidResponse(note: "Historic case: the rapid response is in the panel's earlier records."),
                schedules: nil)
        }
        guard let review = row.review else { return duplicateOf }
        try session.decideOnCase(caseID, .markReadyForPanel, schedules: nil)
        let meetingID = try meeting(on: review.reviewedOn, in: session)
        try session.decide(MeetingDecider.self, meetingID.streamID, .addCaseToAgenda(caseID))
        try session.decideOnCase(
            caseID, .assignToPanelMeeting(meetingID: meetingID, meetingDate: review.reviewedOn), schedules: nil)
        try session.decideOnCase(caseID, .recordPanelOutcome(review), schedules: nil)
        return duplicateOf
    }

    /// A reference already kept on another case would make `cdop case show REFERENCE` ambiguous: refused.
    private func requireReferenceFree(_ reference: String, in session: CommandSession) throws(CommandError) {
        let holders: [CaseID]
        do {
            holders = try CaseQueries.cases(withExternalReference: reference, in: session.db)
        } catch {
            throw .store(.storage(code: -1, message: "reference lookup failed"))
        }
        guard let holder = holders.first else { return }
        throw .rejected(
            DomainError(
                code: "import.referenceTaken",
                "\"\(reference)\" is already the reference of case \(holder.reference), imported earlier; "
                    + "each case needs a reference of its own."))
    }

    /// The panel meeting of `day` in the historic records, scheduled the first time a row needs it.
    private func meeting(on day: CalendarDate, in session: CommandSession) throws(CommandError) -> MeetingID {
        let id = meetingID(day)
        guard !(try session.state(of: MeetingDecider.self, id.streamID).state.exists) else { return id }
        let start = LondonTime.instant(on: day, at: TimeOfDay(hour: 10, minute: 0)!)
        try session.decide(
            MeetingDecider.self, id.streamID,
            .schedule(
                meetingID: id, type: .panel, title: "Panel meeting (historic records)", startsAt: start,
                endsAt: start.addingTimeInterval(7200),
                venue: MeetingVenue(place: "Recorded in the panel's earlier records"),
                theme: nil))
        return id
    }

    /// A refusal of a row, with the column it concerns when the refusal says.
    static func problem(_ row: HistoricRow, _ error: CommandError) -> ImportProblem {
        let code = error.code
        let columns: [(String, String)] = [
            ("nhsNumber", "nhs_number"), ("surname", "surname"), ("dateOfBirth", "date_of_birth"),
            ("ageEighteen", "date_of_birth"), ("dateOfDeathAfterNotification", "date_notified"),
            ("dateInFuture", "date_notified"), ("unknownArea", "area_code"), ("category", "category"),
            ("ModifiableFactor", "modifiable_factors"), ("modifiableFactor", "modifiable_factors"),
            ("legacyPreventability", "preventability"), ("learning", "learning_themes"),
            ("dateBeforeDeath", "reviewed_on"),
            ("referenceTaken", "reference"), ("externalReference", "reference"),
        ]
        var column = columns.first { code.contains($0.0) }?.1
        if column == "date_notified", code == "input.dateInFuture", row.review != nil,
            error.description.contains("review")
        {
            column = "reviewed_on"
        }
        return ImportProblem(row: row.line, column: column, "\(error.description) (case \(row.reference))")
    }
}
