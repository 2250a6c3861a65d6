import Foundation

@testable import CDOPDomain

/// Turns a list of random choices into a plausible case lifecycle: at each step the choice picks one of
/// the commands that make sense for the case as it stands (some of which the rules will refuse).
struct CaseLifecycle {
    struct Step {
        var command: CaseCommand
        var context: DecisionContext
        var result: Result<[CaseEvent], DomainError>
        var before: CaseState
    }

    var steps: [Step] = []
    var events: [CaseEvent] { steps.flatMap { (try? $0.result.get()) ?? [] } }

    static let agencies: [AgencyInvolvement] = [
        Sample.gpInvolvement, Sample.policeInvolvement,
        Sample.involvement(Sample.healthVisiting, "Northshire Health Visiting", .healthVisiting),
    ]
    static let formTypes: [FormType] = [.reporting, .sudiSudc, .neonatal]

    init(choices: [Int]) {
        var state = CaseDecider.initialState
        for (index, choice) in choices.enumerated() {
            let context = Sample.context(plusDays: index / 4, hours: index % 4)
            let menu = Self.menu(state, choice: choice, step: index, context: context)
            let command = menu[choice % menu.count]
            let result: Result<[CaseEvent], DomainError>
            do throws(DomainError) {
                result = .success(try CaseDecider.decide(command, state: state, context: context))
            } catch {
                result = .failure(error)
            }
            steps.append(Step(command: command, context: context, result: result, before: state))
            if case .success(let events) = result { state = CaseDecider.fold(events, from: state) }
        }
    }

    /// The plausible commands for a case in `s`.
    static func menu(_ s: CaseState, choice c: Int, step: Int, context: DecisionContext) -> [CaseCommand] {
        let today = context.today
        guard s.exists else {
            let outside = c % 13 == 0
            return [
                .notify(
                    caseID: Sample.caseID,
                    notification: Sample.notification(
                        residence: outside ? nil : "E06000901", areaOfDeath: outside ? nil : "E06000902"),
                    possibleDuplicateOf: c % 5 == 0 ? Sample.otherCaseID : nil)
            ]
        }
        let process = ExternalProcess.allCases[c % ExternalProcess.allCases.count]
        let agency = agencies[c % agencies.count]
        var menu: [CaseCommand] = [
            c % 2 == 0 ? Sample.triageUnexpected : Sample.triageExpected,
            .conveneRapidResponse(meetingID: Sample.id(300 + c % 2), scheduledFor: context.now),
            .recordRapidResponseMeetingHeld(
                meetingID: Sample.id(300 + c % 2), heldAt: context.now.addingTimeInterval(-60)),
            .completeRapidResponse(note: "done"),
            .recordAgencyInvolved(agency),
            .requestForm(
                requestID: Sample.id(1000 + step), agencyID: agency.agencyID, formType: formTypes[c % formTypes.count],
                contactEmail: "lead@example.org", dueDate: today.adding(days: 14),
                schedule: ScheduleReference(id: "form-b-chasing", version: 1)),
            .awaitExternalProcess(process: process, reason: "awaited", since: today),
            .concludeExternalProcess(process: s.openPauses.first?.process ?? process, on: today),
            .recordReviewMeetingHeld(meetingID: nil, heldOn: today, draftAnalysis: "draft"),
            .markReadyForPanel, .markReadyForPanel,
            .assignToPanelMeeting(meetingID: Sample.panelMeeting, meetingDate: today),
            .recordPanelOutcome(
                Sample.outcome(categories: [1 + c % 10, 1 + (c / 10) % 10], outcome: .modifiableFactorsIdentified)),
            .recordPanelOutcome(Sample.outcome()),
            .recordRecommendation(
                actionID: Sample.id(2000 + step), text: "act", owner: "Public health", dueDate: today.adding(days: 30)),
            .referForSafeguardingPracticeReview(reason: "concerns", referredOn: today),
            .recordNCMDSubmission(reference: "N\(step)", submittedOn: today),
            .close(reason: "Review complete"), .close(reason: "Review complete"),
            .reopen(reason: "new information"),
            .finaliseNationalReturnPart(c % 2 == 0 ? .notification : .outcome),
            .reopenNationalReturnPart(c % 3 == 0 ? .outcome : .notification, reason: "to be checked"),
            .rejectPossibleDuplicate(reason: "different child"),
            .reopenDuplicateDecision(reason: "same NHS number after all"),
            .correctNotification(
                Self.correction(c), reason: "corrected", possibleDuplicateOf: c % 5 == 0 ? Sample.otherCaseID : nil),
        ]
        if c % 23 == 0 { menu.append(.transfer(toPanel: "Farshire CDOP", reason: "lives there")) }
        if c % 29 == 0 { menu.append(.recordOutOfScope(reason: .other, detail: "notified in error")) }
        if c % 31 == 0 { menu.append(.confirmDuplicate(primary: Sample.otherCaseID)) }
        if c % 37 == 0 { menu.append(.recordExternalReference(reference: "B11-00\(c % 3)", source: "earlier records")) }
        if c % 41 == 0 { menu.append(.recordSubjectErased(role: c % 2 == 0 ? "child" : "family", reason: "Retention")) }
        if c % 43 == 0 { menu.append(.recordSubjectAccessExported(role: "parent-1", reason: "SAR-2026-014")) }
        if c % 3 == 0 {
            // Asked, approved twice, the child erased, carried out; or declined.
            menu += [
                .requestErasure(roles: ["child"], reason: "Retention", by: c % 2 == 0 ? "ada.admin" : nil),
                .approveErasure(by: "casey.coordinator"), .approveErasure(by: "robin.coordinator"),
                .recordSubjectErased(role: "child", reason: "Retention"), .recordErasureCarriedOut(roles: ["child"]),
                .recordErasureCarriedOut(roles: ["child"]),
            ]
            if c % 9 == 0 { menu.append(.declineErasure(by: "casey.coordinator", reason: "Proceedings")) }
        }
        if c % 11 == 0 {
            let duplicate = Sample.notification(surname: "Testchilde", nhs: .known(NHSNumber("4010232137")))
            menu.append(.mergeDuplicate(from: Sample.id(3 + c % 2), notification: duplicate, agencies: [agency]))
        }
        if let request = s.formRequests.isEmpty ? nil : s.formRequests[c % s.formRequests.count] {
            let id = request.id
            menu += [
                .issueReminder(requestID: id, step: 1 + c % 3, kind: c % 2 == 0 ? .reminder : .finalReminder),
                .escalate(requestID: id, level: EscalationLevel.allCases[c % 2]),
                .recordFormReturned(
                    requestID: id, definition: FormDefinitionReference(id: "reporting", version: 1),
                    answers: Sample.returnedAnswers, submittedBy: "Agency"),
                .recordFormReturned(
                    requestID: id, definition: FormDefinitionReference(id: "reporting", version: 1), answers: [:],
                    submittedBy: "Agency"),
                .recordFormOpened(requestID: id, view: c % 2 == 0 ? "page" : "api"),
                .saveFormDraft(
                    requestID: id, definition: FormDefinitionReference(id: "reporting", version: 1),
                    answers: c % 2 == 0 ? Sample.returnedAnswers : [:], savedBy: "Agency"),
                .recordNoInformationHeld(requestID: id, declaredBy: "Agency"),
                .finaliseNationalReturnPart(.request(id)),
                .withdrawFormRequest(requestID: id, reason: "wrong agency"),
                .waiveFormRequest(requestID: id, reason: "not needed"),
                .sendReminderNow(requestID: id),
                .alertCoordinator,
                .changeFormContact(requestID: id, contactEmail: "contact\(c % 4)@agency.example.org"),
                .recordDecline(requestID: id, reason: "did not know the child", declaredBy: "Agency"),
                .startSchedule(Sample.startFormB(id, daysAgo: 10 + c % 30)),
                .reachScheduleStep(
                    target: .formRequest(id), scheduleID: "form-b-chasing",
                    step: Sample.formBSchedule().steps[c % 5].name),
                .moveSchedule(Sample.startFormB(id, daysAgo: 10 + c % 30, version: 2)),
                .issuePractitionerLink(
                    requestID: id, tokenHash: String(repeating: String(c % 10), count: 64),
                    expiresAt: context.now.addingTimeInterval(60 * 86_400)),
            ]
            menu += [
                .recordEmailSent(Sample.emailOutcome("outbox-\(c % 7)")),
                .recordEmailFailed(Sample.emailOutcome("outbox-\(c % 5)"), reason: "rejected"),
                .requeueEmail(outboxID: "outbox-\(c % 5)"),
                .queueNationalReturn(Sample.nationalReturnDocument("delivery-\(c % 3)")),
                .recordNationalReturnRetry(
                    deliveryKey: "delivery-\(c % 3)", attempts: 1 + c % 4, retryAt: context.now.addingTimeInterval(60),
                    reason: "HTTP 503"),
                .recordNationalReturnSent(deliveryKey: "delivery-\(c % 3)", status: 201, attempts: 1 + c % 4),
                .recordNationalReturnFailed(deliveryKey: "delivery-\(c % 3)", reason: "HTTP 400", attempts: 1 + c % 4),
            ]
        }
        if let action = s.recommendations.first(where: \.isOpen) {
            menu.append(.completeRecommendation(actionID: action.id, completedOn: today, note: "done"))
        }
        return menu
    }

    /// A correction of the child's name or the date of death, varied by `c`.
    static func correction(_ c: Int) -> NotificationCorrection {
        var correction = NotificationCorrection()
        if c % 2 == 0 {
            var child = NotificationCorrection.Child()
            child.name = PersonName(forenames: "Alex", surname: "Testchild\(c % 4)")
            correction.child = child
        } else {
            var death = NotificationCorrection.Death()
            death.time = TimeOfDay(hour: c % 24, minute: 0)
            correction.death = death
        }
        return correction
    }
}
