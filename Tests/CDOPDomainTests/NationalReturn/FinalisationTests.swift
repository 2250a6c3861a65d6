import Testing

@testable import CDOPDomain

@Suite("Finalising the parts of the national return")
struct FinalisationTests {
    @Test("The notification, a returned form and the panel's outcome can each be finalised once")
    func finaliseEachPart() throws {
        let events = try history(
            CaseDecider.self,
            [
                .finaliseNationalReturnPart(.notification), .finaliseNationalReturnPart(.request(Sample.request1)),
                .finaliseNationalReturnPart(.outcome),
            ], from: Story.reviewed())
        let state = CaseDecider.fold(events)
        #expect(Set(state.nationalReturnFinalised.keys) == [.notification, .request(Sample.request1), .outcome])
        let error = Given(CaseDecider.self, events).when(.finaliseNationalReturnPart(.notification))
            .thenRejected("ncmd.alreadyFinalised")
        #expect(error?.description.contains("reopen it first") == true)
    }

    @Test("A form still requested cannot be finalised, and the refusal names the form and the agency")
    func requestedFormRefused() throws {
        let error = Given(CaseDecider.self, try Story.gpRequested())
            .when(.finaliseNationalReturnPart(.request(Sample.request1))).thenRejected("ncmd.formNotReturned")
        #expect(error?.description.hasPrefix("Only a returned form can be finalised: the Form B from") == true)
        #expect(error?.description.hasSuffix("is requested.") == true)
    }

    @Test("A part with a required national item empty cannot be finalised, and the refusal names the item")
    func requiredItemEmpty() throws {
        let gap = NationalItemGap(item: "notification.B.child-postcode", label: "Postcode")
        let error = Given(CaseDecider.self, try Story.notified())
            .when(.finaliseNationalReturnPart(.notification, emptyRequiredItems: [gap]))
            .thenRejected("ncmd.requiredItemsEmpty")
        #expect(
            error?.description
                == "The notification cannot be finalised: the national return needs Postcode "
                + "(notification.B.child-postcode). Complete or correct it first.")
    }

    @Test("A request the case does not have is refused")
    func unknownRequest() throws {
        Given(CaseDecider.self, try Story.gpRequested()).when(.finaliseNationalReturnPart(.request(Sample.request2)))
            .thenRejected("ncmd.unknownRequest")
    }

    @Test("The outcome cannot be finalised before the panel records it")
    func outcomeBeforeReview() throws {
        Given(CaseDecider.self, try Story.panelScheduled()).when(.finaliseNationalReturnPart(.outcome))
            .thenRejected("ncmd.outcomeNotRecorded")
    }

    @Test("Reopening a finalised part needs a reason, and only a finalised part can be reopened")
    func reopen() throws {
        let finalised = try history(
            CaseDecider.self, [.finaliseNationalReturnPart(.notification)], from: Story.notified())
        Given(CaseDecider.self, finalised).when(.reopenNationalReturnPart(.notification, reason: "  "))
            .thenRejected("input.reasonMissing")
        Given(CaseDecider.self, try Story.notified()).when(.reopenNationalReturnPart(.notification, reason: "Check"))
            .thenRejected("ncmd.notFinalised")
        let reopened = Given(CaseDecider.self, finalised)
            .when(.reopenNationalReturnPart(.notification, reason: "Date of birth to be corrected"))
        #expect(reopened.state.nationalReturnFinalised.isEmpty)
        #expect(reopened.thenAccepted().count == 1)
    }

    @Test("A case reopened for a new review drops its finalised outcome")
    func caseReopeningDropsOutcome() throws {
        let events = try history(
            CaseDecider.self,
            [
                .finaliseNationalReturnPart(.notification), .finaliseNationalReturnPart(.outcome),
                .close(reason: "Done"), .reopen(reason: "Inquest verdict"),
            ], from: Story.submitted())
        #expect(Set(CaseDecider.fold(events).nationalReturnFinalised.keys) == [.notification])
    }

    @Test("A part is written as 'notification', 'outcome' or the request's id, and read back the same")
    func partText() {
        #expect(NationalReturnPart("notification") == .notification)
        #expect(NationalReturnPart("Outcome") == .outcome)
        #expect(NationalReturnPart(Sample.request1.description) == .request(Sample.request1))
        #expect(NationalReturnPart("reporting") == nil)
        #expect(NationalReturnPart.request(Sample.request1).description == Sample.request1.description)
    }
}
