import CDOPDomain
import Foundation

extension CommandSession {
    /// Decides a command on a case, then starts the schedules its events call for, in the same transaction:
    /// a Form B request is never recorded without its chasing, nor chased twice.
    @discardableResult
    package func decideOnCase(
        _ caseID: CaseID, _ command: CaseCommand, schedules: (any ScheduleCatalog)?, links: PractitionerLinks? = nil
    ) throws(CommandError) -> [CaseEvent] {
        var command = command
        if case .requestForm(let requestID, let agencyID, let formType, let email, let due, nil) = command,
            let schedules,
            let definition = schedules.definition(
                for: formType == .reporting ? .reportingFormRequested : .supplementaryFormRequested)
        {
            command = .requestForm(
                requestID: requestID, agencyID: agencyID, formType: formType, contactEmail: email, dueDate: due,
                schedule: definition.reference)
        }
        let events = try decide(CaseDecider.self, caseID.streamID, command)
        var issued: [CaseEvent] = []
        if let links {
            // Every Form B or supplementary request gets its practitioner's link at once, in the same transaction.
            for case .formRequested(let requested) in events {
                issued += try decide(
                    CaseDecider.self, caseID.streamID, links.issueCommand(for: requested.requestID, at: context.now))
            }
            // A request sent on to a new contact gets a new link (the next issue), which supersedes the old one.
            for case .formContactChanged(let changed) in events {
                let (state, _) = try self.state(of: CaseDecider.self, caseID.streamID)
                let issue = state.links.filter { $0.requestID == changed.requestID }.count + 1
                issued += try decide(
                    CaseDecider.self, caseID.streamID,
                    links.issueCommand(for: changed.requestID, at: context.now, issue: issue))
            }
        }
        guard let schedules else { return events + issued }
        var started: [CaseEvent] = []
        for event in events {
            // A retention period is numbered after those the case started before.
            var retentionPeriods = 0
            if ScheduleTriggers.endsTheCase(event) {
                retentionPeriods = try self.state(of: CaseDecider.self, caseID.streamID).0.schedules.filter {
                    $0.target.isRetention
                }.count
            }
            guard let (start, target) = ScheduleTriggers.start(for: event, retentionPeriods: retentionPeriods),
                let definition = schedules.definition(for: start)
            else { continue }
            let steps: [PlannedStep]
            do {
                // A form's chasing counts from the due date the coordinator set, not from the definition's default.
                steps = try definition.plan(
                    startingAt: context.now, due: Self.dueDate(of: event), calendar: schedules.calendar)
            } catch {
                throw .rejected(
                    DomainError(
                        code: "schedule.outsideCalendar",
                        "The \(definition.title) schedule cannot be planned: the \(schedules.calendar.name) calendar "
                            + "lists bank holidays only for \(schedules.calendar.years.lowerBound)–"
                            + "\(schedules.calendar.years.upperBound). Ask an administrator to extend it."))
            }
            started += try decide(
                CaseDecider.self, caseID.streamID,
                .startSchedule(ScheduleStart(definition: definition, target: target, steps: steps)))
        }
        return events + issued + started
    }

    /// The day a form is due, for an event that requests one.
    static func dueDate(of event: CaseEvent) -> CalendarDate? {
        if case .formRequested(let requested) = event { return requested.dueDate }
        return nil
    }
}
