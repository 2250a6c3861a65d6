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
    /// A UUID (version 8, name-based) from the case, schedule id, target and step.
    package static func make(caseID: CaseID, run: ScheduleRun, step: String) -> UUID {
        let name = "\(caseID)|\(run.reference.id)|\(run.target.key)|\(step)"
        var bytes = withUnsafeBytes(of: fnv1a(name, seed: 0xCBF2_9CE4_8422_2325).bigEndian, Array.init)
        bytes += withUnsafeBytes(of: fnv1a(name, seed: 0x8422_2325_CBF2_9CE4).bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
            bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    private static func fnv1a(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
