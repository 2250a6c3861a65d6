import Foundation
import Testing

@testable import CDOPDomain

@Suite("Drafts of a practitioner's form")
struct FormDraftTests {
    static let reporting = FormDefinitionReference(id: "reporting", version: 1)
    static let partial: FormAnswers = ["concerns": .text("Still checking the records.")]

    static func save(_ answers: FormAnswers = partial, by savedBy: String = "Northgate Surgery") -> CaseCommand {
        .saveFormDraft(requestID: Sample.request1, definition: reporting, answers: answers, savedBy: savedBy)
    }

    @Test("A draft is kept on its outstanding request, which stays outstanding; the summary never shows answers")
    func draftSaved() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested()).when(Self.save())
        then.then([
            .formDraftSaved(
                FormDraftSaved(
                    requestID: Sample.request1, agencyName: "Northgate Surgery", formType: .reporting,
                    definition: Self.reporting, answers: Self.partial, savedBy: "Northgate Surgery", at: Sample.now))
        ])
        #expect(then.events?.first?.summary == "Draft of Form B saved by Northgate Surgery")
        let request = then.state.request(Sample.request1)
        #expect(
            request?.draft
                == FormDraft(
                    definition: Self.reporting, answers: Self.partial, savedBy: "Northgate Surgery", savedAt: Sample.now
                ))
        #expect(request?.status == .requested)
        #expect(request?.answers == [:])
        #expect(then.state.stage == CaseDecider.fold(try Story.gpRequested()).stage)
    }

    @Test("A later save replaces the earlier draft, and returning the form clears it")
    func latestDraftThenReturn() throws {
        let later = Sample.context(plusDays: 2)
        var events = try history(CaseDecider.self, [Self.save()], from: try Story.gpRequested())
        events += try history(CaseDecider.self, [Self.save(Sample.returnedAnswers)], context: later, from: events)
        let draft = CaseDecider.fold(events).request(Sample.request1)?.draft
        #expect(draft?.answers == Sample.returnedAnswers)
        #expect(draft?.savedAt == later.now)
        let returned = Given(CaseDecider.self, events).when(Sample.returnForm).state.request(Sample.request1)
        #expect(returned?.draft == nil)
        #expect(returned?.answers == Sample.returnedAnswers)
    }

    @Test("No draft can be saved once the request is returned, declined, withdrawn or waived")
    func onlyOutstanding() throws {
        let endings: [CaseCommand] = [
            Sample.returnForm,
            .recordNoInformationHeld(requestID: Sample.request1, declaredBy: "Practice manager"),
            .withdrawFormRequest(requestID: Sample.request1, reason: "Wrong practice"),
            .waiveFormRequest(requestID: Sample.request1, reason: "Practice closed"),
        ]
        for ending in endings {
            let events = try history(CaseDecider.self, [ending], from: try Story.gpRequested())
            let error = Given(CaseDecider.self, events).when(Self.save()).thenRejected("formRequest.notOutstanding")
            #expect(error?.description.hasPrefix("The request to Northgate Surgery is ") == true)
            #expect(error?.description.hasSuffix("only an outstanding request can be saved as a draft.") == true)
        }
    }

    @Test("A draft names who saved it, answers a valid definition and an existing request")
    func invalidDrafts() throws {
        let given = Given(CaseDecider.self, try Story.gpRequested())
        given.when(Self.save(by: "  ")).thenRejected("formDraft.saverMissing")
        given.when(
            .saveFormDraft(
                requestID: Sample.request1, definition: FormDefinitionReference(id: "", version: 1), answers: [:],
                savedBy: "GP")
        ).thenRejected("formReturn.definitionInvalid")
        given.when(
            .saveFormDraft(requestID: Sample.request2, definition: Self.reporting, answers: [:], savedBy: "GP")
        ).thenRejected("formRequest.notFound")
    }

    @Test("No draft is saved on a transferred case")
    func transferred() throws {
        let events = try history(
            CaseDecider.self, [.transfer(toPanel: "Farshire CDOP", reason: "Lived there")],
            from: try Story.gpRequested())
        Given(CaseDecider.self, events).when(Self.save()).thenRejected("case.transferred")
    }

    @Test("A draft neither starts nor stops any schedule: the request's chasing goes on")
    func draftLeavesChasing() throws {
        let events = try history(
            CaseDecider.self, [.startSchedule(Sample.startFormB(Sample.request1, daysAgo: 3))],
            from: try Story.gpRequested())
        let then = Given(CaseDecider.self, events).when(Self.save())
        let saved = then.thenAccepted()
        for event in saved {
            #expect(ScheduleTriggers.start(for: event, retentionPeriods: 0) == nil)
            #expect(ScheduleTriggers.stop(for: event) == nil)
        }
        #expect(then.state.schedules == CaseDecider.fold(events).schedules)
        #expect(
            then.state.activeScheduleIndex(target: .formRequest(Sample.request1), scheduleID: "form-b-chasing") != nil)
    }
}
