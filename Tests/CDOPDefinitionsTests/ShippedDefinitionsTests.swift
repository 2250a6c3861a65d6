import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("The shipped Workflows folder")
struct ShippedDefinitionsTests {
    @Test("The shipped Workflows folder loads with no problems")
    func loads() throws {
        let set = try Shipped.load()
        #expect(
            Set(set.schedules.keys) == [
                "form-b-chasing", "supplementary-chasing", "rapid-response", "case-review", "retention",
            ])
        #expect(set.calendar.name == "england-and-wales")
        #expect(set.calendar.years == 2018...2030)
        for name in ["request", "reminder", "final-reminder", "escalation", "meeting-invitation", "delivery-failure"] {
            #expect(set.templates[name] != nil, "template \(name)")
        }
    }

    @Test("The Form B schedule is due at day 14, reminds at 10 and 14, escalates at 21 and 28, in that order")
    func formB() throws {
        let schedule = try #require(try Shipped.load().schedule(startingOn: .reportingFormRequested))
        #expect(schedule.id == "form-b-chasing")
        #expect(schedule.version == 1)
        #expect(schedule.stoppedBy.isSuperset(of: [.formReturned, .formDeclined, .formWithdrawn, .formWaived]))
        #expect(!schedule.pausedWhileAwaitingExternal)
        #expect(
            schedule.steps == [
                ScheduleStep(
                    name: "reminder", after: Offset(10, .calendarDays), action: .remind(step: 1, kind: .reminder),
                    template: "reminder"),
                ScheduleStep(name: "due", after: Offset(14, .calendarDays), action: .due),
                ScheduleStep(
                    name: "final-reminder", after: Offset(14, .calendarDays),
                    action: .remind(step: 2, kind: .finalReminder), template: "final-reminder"),
                ScheduleStep(
                    name: "escalate-to-coordinator", after: Offset(21, .calendarDays),
                    action: .escalate(level: .coordinator), template: "escalation"),
                ScheduleStep(
                    name: "escalate-to-designated-doctor-and-chair", after: Offset(28, .calendarDays),
                    action: .escalate(level: .designatedDoctorAndChair), template: "escalation"),
            ])
    }

    @Test("The rapid-response schedule counts in working days and stops when the JAR meeting is held")
    func rapidResponse() throws {
        let schedule = try #require(try Shipped.load().schedule(startingOn: .rapidResponseOpened))
        #expect(schedule.stoppedBy.contains(.rapidResponseMeetingHeld))
        #expect(schedule.steps.allSatisfy { $0.after.unit == .workingDays })
        #expect(
            schedule.steps.map(\.action) == [
                .target(name: "jar-meeting", to: [.designatedDoctor]),
                .target(name: "jar-meeting", to: [.designatedDoctor, .coordinator]),
            ])
    }

    @Test("The retention period runs 10 years from the case's closing, asks for erasure and tells the coordinator")
    func retention() throws {
        let schedule = try #require(try Shipped.load().schedule(startingOn: .caseClosed))
        #expect(schedule.id == "retention")
        #expect(schedule.stoppedBy == [.caseReopened])
        #expect(
            schedule.steps == [
                ScheduleStep(
                    name: "retention-period-ended", after: Offset(10, .years),
                    action: .requestErasure(to: [.coordinator]), template: "erasure-requested")
            ])
    }

    @Test("The case review aims at 3 months for the review meeting and 6 for the panel, paused while awaiting others")
    func caseReview() throws {
        let schedule = try #require(try Shipped.load().schedule(startingOn: .caseNotified))
        #expect(schedule.pausedWhileAwaitingExternal)
        #expect(schedule.steps.map(\.after.amount) == [77, 91, 168, 182])
        #expect(
            schedule.steps.map(\.name) == [
                "review-meeting-reminder", "review-meeting-target-missed", "panel-review-reminder",
                "panel-review-target-missed",
            ])
    }

    @Test("A schedule is found again by the id and version a started schedule recorded")
    func lookupByReference() throws {
        let set = try Shipped.load()
        #expect(set.schedule(ScheduleReference(id: "form-b-chasing", version: 1))?.start == .reportingFormRequested)
        #expect(set.schedule(ScheduleReference(id: "form-b-chasing", version: 2)) == nil)
        #expect(set.schedule(ScheduleReference(id: "no-such-schedule", version: 1)) == nil)
    }

    @Test("Every template a shipped schedule names exists")
    func templatesExist() throws {
        let set = try Shipped.load()
        for schedule in set.schedules.values {
            for step in schedule.steps {
                if let template = step.template {
                    #expect(set.templates[template] != nil, "\(schedule.id) \(step.name)")
                }
            }
        }
    }
}
