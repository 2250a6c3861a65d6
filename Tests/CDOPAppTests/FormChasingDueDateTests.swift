import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// A form's chasing counts from the due date the coordinator set (`cdop form request --due`, the case page, the
/// API: all through the same command), not from the schedule's default due date.
@Suite("Form chasing from the due date set")
struct FormChasingDueDateTests {
    @Test("A Form B due 7 days out is reminded before and on that date, not at the default 10 and 14 days")
    func remindersFollowTheDueDate() throws {
        var fixture = try AppFixture()
        var configuration = AppConfiguration()
        configuration.databasePath = fixture.folder.path("cdop.sqlite")
        let engine = try Engine(configuration: configuration, clock: fixture.clock, schedules: TestSchedules.catalog)
        let caseID = try engine.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let agency = try fixture.involveGP(in: caseID, through: engine.workflow)
        // Monday 1 June 2026; the coordinator wants the form by Monday 8 June.
        let due = CalendarDate(year: 2026, month: 6, day: 8)!
        try engine.workflow.execute(
            .requestForm(
                requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                contactEmail: "lead@gp.example.org",
                dueDate: due, schedule: nil),
            on: caseID, by: fixture.coordinator)

        let steps = try engine.sqliteStore!.read { db in
            try Row.fetchAll(
                db, sql: "SELECT step, due_at FROM timers WHERE case_id = ? ORDER BY due_at, step",
                arguments: [caseID.description])
        }.map { row -> String in
            let step: String = row["step"]
            let at: String = row["due_at"]
            return "\(step) \(at.prefix(10))"
        }
        #expect(steps.contains("reminder 2026-06-04"), "\(steps)")
        #expect(steps.contains("final-reminder 2026-06-08") && steps.contains("due 2026-06-08"), "\(steps)")
        #expect(steps.contains("escalate-to-coordinator 2026-06-15"), "\(steps)")
        #expect(!steps.contains { $0.hasSuffix("2026-06-11") }, "nothing at the default 10 days: \(steps)")
    }
}
