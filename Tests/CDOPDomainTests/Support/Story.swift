@testable import CDOPDomain

/// Case histories at the usual points of the review, built by deciding real commands.
enum Story {
    static func notified() throws(DomainError) -> [CaseEvent] {
        try history(CaseDecider.self, [Sample.notify])
    }

    static func triagedUnexpected() throws(DomainError) -> [CaseEvent] {
        try history(CaseDecider.self, [Sample.triageUnexpected], from: notified())
    }

    static func triagedExpected() throws(DomainError) -> [CaseEvent] {
        try history(CaseDecider.self, [Sample.triageExpected], from: notified())
    }

    /// Expected death, GP involved and asked for Form B.
    static func gpRequested() throws(DomainError) -> [CaseEvent] {
        try history(
            CaseDecider.self, [.recordAgencyInvolved(Sample.gpInvolvement), Sample.requestForm()],
            from: triagedExpected())
    }

    /// GP's Form B returned; ready and listed for the panel.
    static func panelScheduled() throws(DomainError) -> [CaseEvent] {
        try history(
            CaseDecider.self,
            [
                Sample.returnForm,
                .markReadyForPanel,
                .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: Sample.day(2026, 6, 1)),
            ], from: gpRequested())
    }

    static func reviewed() throws(DomainError) -> [CaseEvent] {
        try history(CaseDecider.self, [.recordPanelOutcome(Sample.outcome())], from: panelScheduled())
    }

    static func submitted() throws(DomainError) -> [CaseEvent] {
        try history(
            CaseDecider.self, [.recordNCMDSubmission(reference: "NCMD-0001", submittedOn: Sample.day(2026, 6, 1))],
            from: reviewed())
    }

    static func closed() throws(DomainError) -> [CaseEvent] {
        try history(CaseDecider.self, [.close(reason: "Review complete and submitted to the NCMD")], from: submitted())
    }
}
