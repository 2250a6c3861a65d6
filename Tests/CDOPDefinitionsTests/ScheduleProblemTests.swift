import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("Problems in schedule files")
struct ScheduleProblemTests {
    let formB = "Workflows/form-b-chasing.yaml"

    @Test(
        "A duration without a clear unit, negative or not a number is refused with the file, key path and reason",
        arguments: [
            ("10 days", "does not say which days"),
            ("-3 calendar-days", "negative"),
            ("ten working-days", "whole number"),
            ("10", "has no unit"),
            ("10 fortnights", "not a duration"),
            ("99999999 calendar-days", "more than ten years"),
        ])
    func badDuration(text: String, reason: String) throws {
        let copy = try BrokenCopy()
        try copy.replace("after: 21 calendar-days", with: "after: \(text)", in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[3].after"))
        #expect(problem.reason.contains(reason), "\(problem)")
        #expect(problem.reason.contains(text))
        #expect(problem.line == 26)
    }

    @Test("A retention period may run up to a hundred years, in years or days; beyond that it is refused")
    func retentionLength() throws {
        let copy = try BrokenCopy()
        try copy.replace("after: 10 years", with: "after: 101 years", in: "retention.yaml")
        let problem = try #require(copy.problems().one("Workflows/retention.yaml", "steps[0].after"))
        #expect(problem.reason.contains("more than 100 years"), "\(problem)")
        try copy.replace("after: 101 years", with: "after: 9131 calendar-days", in: "retention.yaml")
        #expect(copy.loaded()?.schedule(startingOn: .caseClosed)?.steps.first?.after == Offset(9131, .calendarDays))
    }

    @Test("Years are refused where ten years is the most a schedule may run")
    func yearsInAChasingSchedule() throws {
        let copy = try BrokenCopy()
        try copy.replace("ends-after: 28 calendar-days", with: "ends-after: 11 years", in: "form-b-chasing.yaml")
        #expect(copy.problems().one(formB, "ends-after")?.reason.contains("more than ten years") == true)
    }

    @Test("Asking for erasure belongs to the retention schedule alone, and the retention schedule does nothing else")
    func requestErasureOnlyInRetention() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "action: target\n    target: panel-review\n    to: [coordinator, panel-chair]\n    template: target-missed",
            with: "action: request-erasure\n    to: [coordinator]\n    template: erasure-requested",
            in: "case-review.yaml")
        try copy.replace(
            "action: request-erasure\n    to: [coordinator]",
            with: "action: target\n    target: panel-review\n    to: [coordinator]", in: "retention.yaml")
        let problems = copy.problems()
        #expect(
            problems.one("Workflows/case-review.yaml", "steps[3].action")?.reason.contains(
                "belongs to a schedule starting on 'case-closed'") == true, "\(problems)")
        #expect(
            problems.one("Workflows/retention.yaml", "steps[0].action")?.reason.contains(
                "its steps use action 'request-erasure'") == true, "\(problems)")
    }

    @Test("An unknown starting event is refused, naming the events there are")
    func unknownStart() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "starts-on: reporting-form-requested", with: "starts-on: form-requested", in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "starts-on"))
        #expect(problem.reason.contains("unknown starting event 'form-requested'"))
        #expect(problem.reason.contains("reporting-form-requested"))
    }

    @Test("An unknown stopping event is refused at its place in the list")
    func unknownStop() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "stopped-by: [form-returned, form-declined,", with: "stopped-by: [form-returned, form-refused,",
            in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "stopped-by[1]"))
        #expect(problem.reason.contains("unknown stopping event 'form-refused'"))
    }

    @Test("A stopping event that concerns something else than what started the schedule is refused")
    func unrelatedStop() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "stopped-by: [rapid-response-meeting-held,", with: "stopped-by: [form-returned,", in: "rapid-response.yaml")
        let problem = try #require(copy.problems().one("Workflows/rapid-response.yaml", "stopped-by[0]"))
        #expect(problem.reason.contains("cannot stop a schedule that starts on 'rapid-response-opened'"))
    }

    @Test("An unknown action is refused, with a suggestion when it is a near miss")
    func unknownAction() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "action: escalate\n    level: coordinator", with: "action: escalat\n    level: coordinator",
            in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[3].action"))
        #expect(problem.reason.contains("unknown action 'escalat' (did you mean 'escalate'?)"))
    }

    @Test("A template with no file in Workflows/emails is refused")
    func unknownTemplate() throws {
        let copy = try BrokenCopy()
        try copy.replace("template: final-reminder", with: "template: last-reminder", in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[2].template"))
        #expect(problem.reason.contains("unknown template 'last-reminder'"))
        #expect(problem.reason.contains("Workflows/emails/last-reminder.txt"))
        #expect(problem.line == 24)
    }

    @Test("A step falling after ends-after is refused as a step after its stop")
    func stepAfterEnd() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "ends-after: 28 calendar-days", with: "ends-after: 21 calendar-days", in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[4].after"))
        #expect(problem.reason.contains("falls at 28 calendar-days but the schedule ends after 21 calendar-days"))
    }

    @Test("Two steps with the same name are refused")
    func duplicateNames() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "name: escalate-to-designated-doctor-and-chair", with: "name: escalate-to-coordinator",
            in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[4].name"))
        #expect(problem.reason.contains("'escalate-to-coordinator' is used twice (also steps[3])"))
    }

    @Test("Reminders numbered with a gap are refused")
    func reminderGap() throws {
        let copy = try BrokenCopy()
        try copy.replace("reminder-step: 2", with: "reminder-step: 3", in: "form-b-chasing.yaml")
        let problem = try #require(copy.problems().one(formB, "steps[2].reminder-step"))
        #expect(problem.reason.contains("numbered 1, 3: number them 1, 2, without gaps"))
    }

    @Test("Reminders numbered against the order they fall are refused")
    func reminderOrder() throws {
        let copy = try BrokenCopy()
        try copy.replace("reminder-step: 1", with: "reminder-step: 9", in: "form-b-chasing.yaml")
        try copy.replace("reminder-step: 2", with: "reminder-step: 1", in: "form-b-chasing.yaml")
        try copy.replace("reminder-step: 9", with: "reminder-step: 2", in: "form-b-chasing.yaml")
        let problems = copy.problems()
        #expect(
            problems.one(formB, "steps[1].reminder-step")?.reason.contains("falls before reminders with lower numbers")
                == true)
    }

    @Test("A key the schema does not know is refused, so a typo is never silently ignored")
    func unknownKeys() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "template: escalation\n  - name: escalate-to-designated",
            with: "templat: escalation\n  - name: escalate-to-designated", in: "form-b-chasing.yaml")
        try copy.replace("ends-after:", with: "end-after:", in: "form-b-chasing.yaml")
        let problems = copy.problems()
        let step = try #require(problems.one(formB, "steps[3].templat"))
        #expect(step.reason.contains("unknown key 'templat' (did you mean 'template'?)"))
        #expect(problems.one(formB, "steps[3].template")?.reason.contains("'template' is missing") == true)
        #expect(problems.one(formB, "end-after")?.reason.contains("did you mean 'ends-after'?") == true)
    }

    @Test("A key that belongs to another action is refused")
    func keyOfAnotherAction() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "reminder-step: 1", with: "reminder-step: 1\n    level: coordinator", in: "form-b-chasing.yaml")
        #expect(
            copy.problems().one(formB, "steps[1].level")?.reason.contains("does not apply to action 'remind'") == true)
    }

    @Test("A missing id, version or steps is named")
    func missingKeys() throws {
        let copy = try BrokenCopy()
        try copy.replace("version: 1\n", with: "", in: "form-b-chasing.yaml")
        #expect(copy.problems().one(formB, "version")?.reason == "'version' is missing")
    }

    @Test("A version below 1 is refused")
    func badVersion() throws {
        let copy = try BrokenCopy()
        try copy.replace("version: 1", with: "version: 0", in: "form-b-chasing.yaml")
        #expect(copy.problems().one(formB, "version")?.reason.contains("at least 1") == true)
    }

    @Test("An id that differs from the file's name is refused")
    func idMatchesFile() throws {
        let copy = try BrokenCopy()
        try copy.replace("id: form-b-chasing", with: "id: form-b", in: "form-b-chasing.yaml")
        #expect(copy.problems().one(formB, "id")?.reason.contains("differs from the file's name") == true)
    }

    @Test("Steps counted in different units in one schedule are refused")
    func mixedUnits() throws {
        let copy = try BrokenCopy()
        try copy.replace("after: 21 calendar-days", with: "after: 15 working-days", in: "form-b-chasing.yaml")
        #expect(
            copy.problems().one(formB, "steps[3].after")?.reason.contains(
                "counts in working-days but ends-after in calendar-days") == true)
    }

    @Test("A form schedule needs exactly one due step, and target steps belong to other schedules")
    func dueAndTargets() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "  - name: due\n    after: 14 calendar-days\n    action: due\n", with: "", in: "form-b-chasing.yaml")
        try copy.replace(
            "    action: target\n    target: jar-meeting\n    to: [designated-doctor]\n", with: "    action: due\n",
            in: "rapid-response.yaml")
        let problems = copy.problems()
        #expect(problems.one(formB, "steps")?.reason.contains("needs one step with action 'due'") == true)
        #expect(
            problems.one("Workflows/rapid-response.yaml", "steps[0].action")?.reason.contains("chases a form request")
                == true)
    }

    @Test("A target unknown to the engine, or unknown recipients, are refused")
    func unknownTargetAndRecipient() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "target: jar-meeting\n    to: [designated-doctor]\n",
            with: "target: jar\n    to: [designated-doctor, police]\n", in: "rapid-response.yaml")
        let problems = copy.problems()
        #expect(
            problems.one("Workflows/rapid-response.yaml", "steps[0].target")?.reason.contains("unknown target 'jar'")
                == true)
        #expect(
            problems.one("Workflows/rapid-response.yaml", "steps[0].to[1]")?.reason.contains(
                "unknown recipient 'police'") == true)
    }

    @Test("Two schedules starting on the same event are refused")
    func twoSchedulesOneStart() throws {
        let copy = try BrokenCopy()
        let text = try String(
            contentsOf: copy.directory.url.appendingPathComponent("Workflows/form-b-chasing.yaml"), encoding: .utf8)
        try copy.write(
            text.replacingOccurrences(of: "id: form-b-chasing", with: "id: form-b-chasing-fast"),
            to: "form-b-chasing-fast.yaml")
        #expect(
            copy.problems().one("Workflows/form-b-chasing.yaml", "starts-on")?.reason.contains(
                "form-b-chasing-fast.yaml also starts on 'reporting-form-requested'") == true)
    }

    @Test("A file that is not YAML is named with the line of the fault")
    func notYAML() throws {
        let copy = try BrokenCopy()
        try copy.replace("stopped-by: [form-returned,", with: "stopped-by: [form-returned,,", in: "form-b-chasing.yaml")
        try copy.replace("version: 1", with: "version: 1\nversion: 2", in: "supplementary-chasing.yaml")
        let problems = copy.problems()
        #expect(problems.one(formB, "")?.reason.contains("not valid YAML") == true)
        #expect(problems.one("Workflows/supplementary-chasing.yaml", "")?.reason.contains("given twice") == true)
    }

    @Test("Several problems in several files are all reported at once, in file order")
    func severalAtOnce() throws {
        let copy = try BrokenCopy()
        try copy.replace("after: 10 calendar-days", with: "after: 10 days", in: "form-b-chasing.yaml")
        try copy.replace(
            "starts-on: reporting-form-requested", with: "starts-on: reporting-form-sent", in: "form-b-chasing.yaml")
        try copy.replace("action: remind", with: "action: nudge", in: "supplementary-chasing.yaml")
        try copy.replace("{{caseReference}}", with: "{{childName}}", in: "emails/request.txt")
        try copy.replace("  2024:\n", with: "  2024: []\n  2024-removed:\n", in: "calendars/england-and-wales.yaml")
        let problems = copy.problems()
        #expect(problems.one(formB, "steps[1].after") != nil)
        #expect(problems.one(formB, "starts-on") != nil)
        #expect(problems.one("Workflows/supplementary-chasing.yaml", "steps[1].action") != nil)
        #expect(problems.contains { $0.file == "Workflows/emails/request.txt" && $0.reason.contains("{{childName}}") })
        #expect(problems.contains { $0.file == "Workflows/calendars/england-and-wales.yaml" })
        #expect(problems.map(\.file) == problems.map(\.file).sorted())
        let report = DefinitionProblems(problems).description
        #expect(report.contains("Workflows/form-b-chasing.yaml:16: steps[1].after: '10 days' does not say which days"))
    }
}

@Suite("Malformed schedule files")
struct MalformedScheduleTests {
    @Test("A file of the wrong shape is named, whatever the shape, without stopping the other files' checks")
    func wrongShapes() throws {
        let copy = try BrokenCopy()
        try copy.write("", to: "form-b-chasing.yaml")
        try copy.write("- just\n- a list\n", to: "supplementary-chasing.yaml")
        try copy.replace(
            "steps:\n  - name: jar-meeting-reminder", with: "steps: none\nold-steps:\n  - name: jar-meeting-reminder",
            in: "rapid-response.yaml")
        try copy.replace(
            "paused-while-awaiting-external: true", with: "paused-while-awaiting-external: yes please",
            in: "case-review.yaml")
        try copy.write("notes", to: "notes.txt")
        let problems = copy.problems()
        #expect(problems.one("Workflows/form-b-chasing.yaml", "")?.reason == "the file is empty")
        #expect(
            problems.one("Workflows/supplementary-chasing.yaml", "")?.reason.contains("expected keys and values")
                == true)
        #expect(
            problems.one("Workflows/rapid-response.yaml", "steps")?.reason.contains("expected a list of steps") == true)
        #expect(problems.one("Workflows/rapid-response.yaml", "old-steps")?.reason.contains("unknown key") == true)
        #expect(
            problems.one("Workflows/case-review.yaml", "paused-while-awaiting-external")?.reason
                == "'yes please' is not true or false")
        #expect(problems.one("Workflows/notes.txt", "")?.reason.contains("not a schedule") == true)
    }

    @Test("A folder without Workflows/ is refused, saying where it looked")
    func noWorkflowsFolder() throws {
        let empty = TemporaryDirectory("cdop-definitions-empty")
        guard case .failure(let problems) = DefinitionSet.load(from: empty.url) else {
            Issue.record("an empty folder loaded")
            return
        }
        #expect(problems.problems.count == 1)
        #expect(problems.problems[0].reason.contains("CDOP_DEFINITIONS"))
    }

    @Test("A step counted from the due date is refused where there is no due date, or when it falls before the request")
    func dueDateStepsNeedADueDate() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "after: 10 calendar-days", with: "after: 20 calendar-days before due", in: "form-b-chasing.yaml")
        let early = try #require(copy.problems().one("Workflows/form-b-chasing.yaml", "steps[1].after"))
        #expect(early.reason.contains("falls before the form is requested"), "\(early)")

        let other = try BrokenCopy()
        try other.replace("    after: 1 working-day\n", with: "    after: on due\n", in: "rapid-response.yaml")
        let problems = other.problems()
        #expect(problems.contains { $0.reason.contains("only a schedule chasing a form") }, "\(problems)")
    }
}
