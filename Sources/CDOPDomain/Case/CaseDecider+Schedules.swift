import Foundation

/// Declared schedules on a case: starting, reaching a step when its timer fires, and moving to a new version.
extension CaseDecider {
    /// Starts a schedule; the same schedule already running for the same target starts nothing (a retried
    /// start, or a request made again after a crash, never doubles the chasing).
    static func startSchedule(_ start: ScheduleStart, _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]
    {
        try validate(start)
        if state.activeScheduleIndex(target: start.target, scheduleID: start.reference.id) != nil { return [] }
        if case .formRequest(let id) = start.target { _ = try existingRequest(id, state) }
        return [
            .scheduleStarted(
                ScheduleStarted(
                    schedule: start.reference, title: start.title, target: start.target, steps: start.steps,
                    stoppedBy: start.stoppedBy.sorted { $0.rawValue < $1.rawValue },
                    pausedWhileAwaitingExternal: start.pausedWhileAwaitingExternal, at: now))
        ]
    }

    /// Acts on a schedule step whose time has come. Reaching a step twice, or a step of a stopped schedule,
    /// does nothing: timers may fire twice. A step whose time has not come is refused.
    static func reachScheduleStep(
        _ target: ScheduleTarget, _ scheduleID: String, _ stepName: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        guard let index = state.schedules.lastIndex(where: { $0.target == target && $0.reference.id == scheduleID })
        else { throw .unknownSchedule(scheduleID, target: target) }
        let run = state.schedules[index]
        guard let step = run.step(stepName) else { throw .unknownScheduleStep(stepName, scheduleID: scheduleID) }
        guard run.reached[stepName] == nil, !run.isStopped else { return [] }
        guard let due = run.effectiveDue(step, pauses: state.pauses), due <= now else {
            throw .scheduleStepNotDue(stepName, due: run.effectiveDue(step, pauses: state.pauses))
        }
        var actions: [CaseEvent] = []
        var met = false
        switch (step.action, target) {
        case (.remind(let number, let kind), .formRequest(let id)):
            actions = try issueReminder(id, number, kind, state, now)
            met = actions.isEmpty
        case (.escalate(let level), .formRequest(let id)):
            actions = try escalate(id, level, state, now)
            met = actions.isEmpty
        case (.target(let name, _), _):
            met = state.hasMet(target: name)
        case (.requestErasure, .retention):
            // An erasure already awaiting approval is the one this step would ask for.
            met = state.erasureApproval != nil
            if !met {
                let reason = ErasureRequested.retentionReason(closedAt: run.startedAt, schedule: run.reference)
                actions = try requestErasure([], reason, by: nil, state, now)
            }
        default:
            break
        }
        let reached = ScheduleStepReached(
            schedule: run.reference, target: target, step: stepName, action: step.action, template: step.template,
            dueAt: due, outcome: met ? .alreadyMet : .acted, at: now)
        return [.scheduleStepReached(reached)] + actions
    }

    /// Moves a running schedule to a newer version of its definition.
    static func moveSchedule(_ start: ScheduleStart, _ state: CaseState, _ now: Date) throws(DomainError) -> [CaseEvent]
    {
        try validate(start)
        guard let index = state.activeScheduleIndex(target: start.target, scheduleID: start.reference.id) else {
            throw .unknownSchedule(start.reference.id, target: start.target)
        }
        let run = state.schedules[index]
        guard start.reference.version != run.reference.version else { return [] }
        return [
            .scheduleMoved(
                ScheduleMoved(
                    target: start.target, from: run.reference, to: start.reference, title: start.title,
                    steps: start.steps, stoppedBy: start.stoppedBy.sorted { $0.rawValue < $1.rawValue },
                    pausedWhileAwaitingExternal: start.pausedWhileAwaitingExternal, at: now))
        ]
    }

    private static func validate(_ start: ScheduleStart) throws(DomainError) {
        let names = start.steps.map(\.name)
        guard !names.isEmpty, Set(names).count == names.count else {
            throw DomainError(
                code: "schedule.invalidSteps",
                "The schedule \(start.reference.id) needs at least one step, each with a different name.")
        }
    }
}

extension CaseState {
    /// Whether what a target step chases has already happened (an unknown name never has).
    func hasMet(target name: String) -> Bool {
        switch TargetMilestone(rawValue: name) {
        case .jarMeeting: rapidResponse?.firstMeetingHeldAt != nil
        case .childDeathReviewMeeting: reviewMeeting != nil
        case .panelReview: panelOutcome != nil
        case nil: false
        }
    }
}

extension DomainError {
    static func unknownSchedule(_ id: String, target: ScheduleTarget) -> DomainError {
        DomainError(code: "schedule.notFound", "The case has no schedule \(id) for \(target.key).")
    }

    static func unknownScheduleStep(_ step: String, scheduleID: String) -> DomainError {
        DomainError(code: "schedule.unknownStep", "The schedule \(scheduleID) has no step called \(step).")
    }

    static func scheduleStepNotDue(_ step: String, due: Date?) -> DomainError {
        DomainError(
            code: "schedule.stepNotDue",
            due.map { "The step \(step) is not due until \(DayFormatter.dayAndTime($0))." }
                ?? "The step \(step) is paused while the review awaits an external process.")
    }
}
