import Testing

@testable import CDOPDomain

@Suite("Readiness for the national return")
struct ReadinessTests {
    func readiness(_ events: [CaseEvent], gaps: [NationalReturnPart: [NationalItemGap]] = [:])
        -> NationalReturnReadiness
    {
        NationalReturnReadiness(CaseDecider.fold(events), gaps: gaps)
    }

    func finalised(_ parts: [NationalReturnPart], from events: [CaseEvent]) throws -> [CaseEvent] {
        try history(CaseDecider.self, parts.map { .finaliseNationalReturnPart($0) }, from: events)
    }

    @Test("A new case lacks only its finalised notification")
    func newCase() throws {
        let readiness = readiness(try Story.notified())
        #expect(readiness.included)
        #expect(readiness.reasons == [.notificationNotFinalised])
        #expect(!readiness.ready)
    }

    @Test("An open case with its notification finalised is ready, whatever its forms")
    func openCaseNeedsOnlyNotification() throws {
        #expect(readiness(try finalised([.notification], from: Story.gpRequested())).ready)
        #expect(readiness(try finalised([.notification], from: Story.panelScheduled())).ready)
    }

    @Test("A reviewed case needs its notification, each returned form and its outcome finalised")
    func reviewedCase() throws {
        let reviewed = try Story.reviewed()
        let request = try #require(CaseDecider.fold(reviewed).request(Sample.request1))
        #expect(
            readiness(reviewed).reasons == [
                .notificationNotFinalised,
                .formNotFinalised(Sample.request1, form: request.formType, agency: request.agencyName),
                .outcomeNotFinalised,
            ])
        #expect(
            readiness(try finalised([.notification, .outcome], from: reviewed)).reasons.map(\.kind)
                == [.formNotFinalised])
        #expect(readiness(try finalised([.notification, .request(Sample.request1), .outcome], from: reviewed)).ready)
    }

    @Test("A form requested and not returned keeps a reviewed case from being ready")
    func formNotReturned() throws {
        var state = CaseDecider.fold(
            try finalised([.notification, .outcome], from: Story.reviewed()))
        state.formRequests[0].resolution = nil
        let reasons = NationalReturnReadiness(state).reasons
        #expect(reasons.map(\.kind) == [.formNotReturned])
        #expect(reasons.first?.description.hasSuffix("has not been returned.") == true)
    }

    @Test("A declined, withdrawn or waived form is not needed for the return")
    func formsNotNeeded() throws {
        var state = CaseDecider.fold(try finalised([.notification, .outcome], from: Story.reviewed()))
        state.formRequests[0].resolution = .waived(reason: "Not needed", at: Sample.context.now)
        #expect(NationalReturnReadiness(state).ready)
    }

    @Test("A case reopened after review lacks its new outcome")
    func reopenedCase() throws {
        let events = try history(
            CaseDecider.self,
            [
                .finaliseNationalReturnPart(.notification), .finaliseNationalReturnPart(.outcome),
                .close(reason: "Done"), .reopen(reason: "Inquest verdict"),
            ], from: Story.submitted())
        #expect(readiness(events).reasons == [.outcomeNotRecorded])
    }

    @Test("An empty required national item is named, for the parts the return needs only")
    func requiredItemEmpty() throws {
        let gap = NationalItemGap(item: "notification.B.child-postcode", label: "Postcode")
        let outcomeGap = NationalItemGap(item: "analysis.A.cause-of-death", label: "Cause of death")
        let open = try finalised([.notification], from: Story.panelScheduled())
        #expect(
            readiness(open, gaps: [.notification: [gap]]).reasons == [.requiredItemEmpty(.notification, gap)])
        let reasons = readiness(open, gaps: [.notification: [gap], .outcome: [outcomeGap]]).reasons
        #expect(reasons == [.requiredItemEmpty(.notification, gap)])
        #expect(reasons.first?.description.contains("notification.B.child-postcode (Postcode)") == true)
    }

    @Test("Out-of-scope, merged and transferred cases are not part of the return")
    func notIncluded() throws {
        let outOfScope = try history(
            CaseDecider.self, [.recordOutOfScope(reason: .notInPanelArea, detail: "Lived and died elsewhere")],
            from: Story.notified())
        let readiness = readiness(outOfScope)
        #expect(!readiness.included && readiness.reasons.isEmpty)
    }
}
