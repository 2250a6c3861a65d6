import Testing

@testable import CDOPDomain

@Suite("Duplicate notifications")
struct DuplicateTests {
    /// The second notification of the same death, linked by the shell to the first.
    static func possibleDuplicate() throws(DomainError) -> [CaseEvent] {
        try history(
            CaseDecider.self,
            [
                .notify(
                    caseID: Sample.otherCaseID,
                    notification: Sample.notification(surname: "Testchilde", nhs: .absent(.notCurrentlyAvailable)),
                    possibleDuplicateOf: Sample.caseID)
            ])
    }

    @Test("A second notification of the same death is linked as a possible duplicate for the coordinator")
    func linked() throws {
        let state = CaseDecider.fold(try Self.possibleDuplicate())
        #expect(state.possibleDuplicateOf == Sample.caseID)
        #expect(state.stage == .notified)
    }

    @Test("Rejecting a possible duplicate clears the link")
    func reject() throws {
        let then = Given(CaseDecider.self, try Self.possibleDuplicate()).when(.rejectPossibleDuplicate(reason: "Twins"))
        #expect(then.events?.count == 1)
        #expect(then.state.possibleDuplicateOf == nil)
        #expect(then.state.duplicateOf == nil)
    }

    @Test("Rejecting a link that does not exist is refused")
    func rejectWithoutLink() throws {
        Given(CaseDecider.self, try Story.notified()).when(.rejectPossibleDuplicate(reason: "x"))
            .thenRejected("duplicate.noPossibleDuplicate")
    }

    @Test("Confirming a duplicate ends it, withdrawing its outstanding requests")
    func confirm() throws {
        let events = try history(
            CaseDecider.self,
            [Sample.triageExpected, .recordAgencyInvolved(Sample.gpInvolvement), Sample.requestForm()],
            from: try Self.possibleDuplicate())
        let then = Given(CaseDecider.self, events).when(.confirmDuplicate(primary: Sample.caseID))
        let out = then.thenAccepted()
        guard out.count == 2, case .formRequestWithdrawn = out[0], case .duplicateConfirmed(let e) = out[1] else {
            Issue.record("expected a withdrawal and the confirmation, got \(out)")
            return
        }
        #expect(e.primary == Sample.caseID)
        #expect(then.state.stage == .duplicate(of: Sample.caseID))
        #expect(then.state.outstandingRequests.isEmpty)
    }

    static let laterCommands: [CaseCommand] = [
        Sample.triageUnexpected, .rejectPossibleDuplicate(reason: "x"), .confirmDuplicate(primary: Sample.caseID),
        .issueReminder(requestID: Sample.request1, step: 1, kind: .reminder), .close(reason: "Review complete"),
        .reopen(reason: "x"),
        .recordAgencyInvolved(Sample.policeInvolvement),
    ]

    @Test("Any command on a merged duplicate is refused", arguments: laterCommands)
    func mergedIsTerminal(_ command: CaseCommand) throws {
        let events = try history(
            CaseDecider.self, [.confirmDuplicate(primary: Sample.caseID)], from: try Self.possibleDuplicate())
        let error = Given(CaseDecider.self, events).when(command).thenRejected("case.mergedDuplicate")
        #expect(error?.description.contains(Sample.caseID.description) == true)
    }

    @Test("A duplicate cannot be confirmed as a duplicate of itself")
    func notOfItself() throws {
        Given(CaseDecider.self, try Story.notified()).when(.confirmDuplicate(primary: Sample.caseID))
            .thenRejected("duplicate.ofItself")
    }

    @Test("Merging adds the duplicate's notifier, its NHS number when missing, new professionals and agencies")
    func merge() throws {
        let primary = try history(
            CaseDecider.self,
            [
                .notify(
                    caseID: Sample.caseID, notification: Sample.notification(nhs: .absent(.notCurrentlyAvailable)),
                    possibleDuplicateOf: nil),
                .recordAgencyInvolved(Sample.gpInvolvement),
            ])
        var duplicate = Sample.notification()
        duplicate.notifier.name = "Dr Kim Registrar"
        duplicate.notifier.organisation = "Northshire Hospital"
        duplicate.professionalsInvolved.append(
            ProfessionalInvolved(name: "Lee Visitor", role: "Health visitor", organisation: "Northshire HV"))
        let validated = try NotificationRules.validated(duplicate, context: Sample.context)
        let then = Given(CaseDecider.self, primary)
            .when(
                .mergeDuplicate(
                    from: Sample.otherCaseID, notification: validated,
                    agencies: [Sample.gpInvolvement, Sample.policeInvolvement]))
        guard case .duplicateMerged(let e) = then.events?.first else {
            Issue.record("no merge")
            return
        }
        #expect(e.nhsNumberAdded == NHSNumber("9434765919"))
        #expect(e.professionalsAdded.map(\.name) == ["Lee Visitor"])
        #expect(e.agenciesAdded == [Sample.policeInvolvement])
        #expect(then.state.notification?.child.nhsNumber == .known(NHSNumber("9434765919")))
        #expect(then.state.additionalNotifiers.map(\.name) == ["Dr Kim Registrar"])
        #expect(then.state.agencies.count == 2)
        #expect(then.state.mergedDuplicates == [Sample.otherCaseID])
        let again = Given(CaseDecider.self, primary + (then.events ?? []))
            .when(.mergeDuplicate(from: Sample.otherCaseID, notification: validated, agencies: []))
        again.then([])
    }

    @Test("The shell gets both sides of a merge from DuplicateMerge, and appending them leaves one case")
    func bothSides() throws {
        let duplicateEvents = try Self.possibleDuplicate()
        let duplicateState = CaseDecider.fold(duplicateEvents)
        let merge = try #require(
            DuplicateMerge(duplicate: Sample.otherCaseID, duplicateState: duplicateState, primary: Sample.caseID))
        let dupOut = Given(CaseDecider.self, duplicateEvents).when(merge.onDuplicate)
        let primaryOut = Given(CaseDecider.self, try Story.notified()).when(merge.onPrimary)
        #expect(dupOut.state.stage == .duplicate(of: Sample.caseID))
        #expect(primaryOut.state.mergedDuplicates == [Sample.otherCaseID])
        #expect(primaryOut.state.stage?.countsForPanel == true)
        #expect(dupOut.state.stage?.countsForPanel == false)
    }
}
