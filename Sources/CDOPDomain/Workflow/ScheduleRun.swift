import Foundation

/// A schedule started on a case: its definition's reference, what it chases, its planned steps, and what has
/// happened to it since (steps reached, stopped).
package struct ScheduleRun: Hashable, Sendable {
    package var reference: ScheduleReference
    package var title: String
    package var target: ScheduleTarget
    package var startedAt: Date
    package var steps: [PlannedStep]
    package var stoppedBy: Set<ScheduleDefinition.Stop>
    package var pausedWhileAwaitingExternal: Bool
    /// Steps reached, by name, with when.
    package var reached: [String: Date] = [:]
    /// Steps whose action was taken (not found already met): those that send an email.
    package var acted: Set<String> = []
    package var stoppedAt: Date?

    package var isStopped: Bool { stoppedAt != nil }

    /// The step with this name.
    package func step(_ name: String) -> PlannedStep? {
        steps.first { $0.name == name }
    }

    /// When a step falls, counting the days spent awaiting external processes after the schedule started
    /// when the schedule pauses for them; nil while such a pause is open.
    package func effectiveDue(_ step: PlannedStep, pauses: [PausePeriod]) -> Date? {
        guard pausedWhileAwaitingExternal else { return step.dueAt }
        let startDay = LondonTime.day(of: startedAt)
        var shiftDays = 0
        for pause in pauses where pause.from >= startDay {
            guard let until = pause.until else { return nil }
            shiftDays += pause.from.days(until: until)
        }
        return step.dueAt.addingTimeInterval(Double(shiftDays) * 86_400)
    }
}

/// The state of one step of a started schedule, as the timers read model and the scheduler see it.
package enum TimerState: String, Hashable, Sendable, Codable {
    /// Waiting for its time.
    case pending
    /// Waiting for an external process to conclude (the review clock is paused).
    case paused
    /// Reached: its action was taken (or found already met).
    case fired
    /// Its schedule was stopped before it fell.
    case cancelled
}

/// One step of a started schedule on one case: the unit the scheduler fires.
package struct TimerView: Hashable, Sendable {
    /// Deterministic, so every process names the same timer the same way: it is the firing command's id.
    package var id: UUID
    package var caseID: CaseID
    package var run: ScheduleRun
    package var step: PlannedStep
    package var dueAt: Date?
    package var state: TimerState
}

extension CaseState {
    /// Every step of every schedule started on this case, with its state.
    package var timers: [TimerView] {
        guard let caseID else { return [] }
        return schedules.flatMap { run in
            run.steps.map { step in
                let state: TimerState
                let due = run.effectiveDue(step, pauses: pauses)
                if run.reached[step.name] != nil {
                    state = .fired
                } else if run.isStopped {
                    state = .cancelled
                } else {
                    state = due == nil ? .paused : .pending
                }
                return TimerView(
                    id: TimerID.make(caseID: caseID, run: run, step: step.name), caseID: caseID, run: run, step: step,
                    dueAt: due, state: state)
            }
        }
    }
}

/// Names timers deterministically from what they are, so a retried or doubled firing carries the same id.
package enum TimerID {
    /// A name-based UUID from the case, schedule id, target and step.
    package static func make(caseID: CaseID, run: ScheduleRun, step: String) -> UUID {
        NameBasedUUID.make("\(caseID)|\(run.reference.id)|\(run.target.key)|\(step)")
    }
}
