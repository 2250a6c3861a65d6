import Foundation

@testable import CDOPDomain

/// Schedule definitions written in code for the domain's own tests (the YAML files are loaded elsewhere).
extension Sample {
    /// The default Form B chasing schedule (reference §2.6): due at 14 days, reminders at 10 and 14, escalation
    /// at 21 and 28 days, stopped by return, decline, withdrawal or waiver.
    static func formBSchedule(version: Int = 1) -> ScheduleDefinition {
        ScheduleDefinition(
            id: "form-b-chasing", version: version, title: "Chasing a Form B", start: .reportingFormRequested,
            stoppedBy: [.formReturned, .formDeclined, .formWithdrawn, .formWaived],
            steps: [
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
                    name: "escalate-to-designated-doctor-and-chair",
                    after: Offset(version == 1 ? 28 : 35, .calendarDays),
                    action: .escalate(level: .designatedDoctorAndChair), template: "escalation"),
            ])
    }

    /// A calendar knowing 2025–2027 with Christmas, Boxing Day and Easter Monday 2026.
    static let calendar = WorkingDayCalendar(
        name: "test", years: 2025...2027,
        holidays: [
            day(2025, 12, 25), day(2025, 12, 26), day(2026, 4, 6), day(2026, 4, 3), day(2026, 12, 25),
            day(2026, 12, 28),
        ])

    /// A Form B schedule for `request`, started `daysAgo` days before `Sample.now`.
    static func startFormB(_ request: FormRequestID, daysAgo: Int = 40, version: Int = 1) -> ScheduleStart {
        let definition = formBSchedule(version: version)
        let start = now.addingTimeInterval(Double(-daysAgo) * 86_400)
        return ScheduleStart(
            definition: definition, target: .formRequest(request),
            steps: try! definition.plan(startingAt: start, calendar: calendar))
    }
}

extension Sample {
    /// The outcome of an outbox email for the golden files and rules tests.
    static func emailOutcome(_ outboxID: String) -> EmailOutcome {
        EmailOutcome(
            outboxID: outboxID, messageID: "<\(outboxID)@cdop.example.org>", template: "request",
            recipientRole: "agency contact", route: "smtp 250", attempts: 1)
    }
}

extension Sample {
    /// A case's document of the 2026 national return, for the golden files and rules tests.
    static func nationalReturnDocument(_ deliveryKey: String) -> NationalReturnDocument {
        NationalReturnDocument(
            deliveryKey: deliveryKey, year: 2026, manifestHash: String(repeating: "5e", count: 32),
            nationalCaseKey: "NTH-2026-0007", document: #"{"caseKey":"NTH-2026-0007","items":{"B1.2":"yes"}}"#)
    }
}
