import Foundation

/// A declared schedule started on the case: its definition's id and version, what it chases, and the times of
/// its steps as planned when it started (so editing the definition never moves a running case's deadlines).
package struct ScheduleStarted: EventPayload {
    package static let typeName = "case.scheduleStarted.v1"
    package var schedule: ScheduleReference
    package var title: String
    package var target: ScheduleTarget
    package var steps: [PlannedStep]
    package var stoppedBy: [ScheduleDefinition.Stop]
    package var pausedWhileAwaitingExternal: Bool
    package var at: Date

    package var summary: String {
        "\(title) started (\(schedule.id) v\(schedule.version)): " + steps.map(\.name).joined(separator: ", ")
    }
}

/// A step of a started schedule came due and was acted on; `outcome` says whether anyone was told.
package struct ScheduleStepReached: EventPayload {
    package enum Outcome: String, Codable, Hashable, Sendable {
        /// The step's action was taken (a reminder, escalation or target alert goes out).
        case acted
        /// The step's purpose was already met (e.g. the meeting it chases was held): nobody is told.
        case alreadyMet
    }

    package static let typeName = "case.scheduleStepReached.v1"
    package var schedule: ScheduleReference
    package var target: ScheduleTarget
    package var step: String
    package var action: ScheduleAction
    package var template: String?
    package var dueAt: Date
    package var outcome: Outcome
    package var at: Date

    package var summary: String {
        let what =
            switch action {
            case .due: "due date passed"
            case .remind(let step, let kind): "\(kind.label) \(step)"
            case .escalate(let level): "escalation to \(level.label)"
            case .target(let name, let to): "\(name) target: " + to.map(\.rawValue).joined(separator: ", ")
            case .requestErasure(let to): "erasure asked for: " + to.map(\.rawValue).joined(separator: ", ")
            }
        return "\(step) reached (\(what))" + (outcome == .alreadyMet ? "; already met, nobody told" : "")
    }
}

/// A running schedule was moved to a newer version of its definition, with newly planned steps.
package struct ScheduleMoved: EventPayload {
    package static let typeName = "case.scheduleMoved.v1"
    package var target: ScheduleTarget
    package var from: ScheduleReference
    package var to: ScheduleReference
    package var title: String
    package var steps: [PlannedStep]
    package var stoppedBy: [ScheduleDefinition.Stop]
    package var pausedWhileAwaitingExternal: Bool
    package var at: Date

    package var summary: String { "\(title) moved from v\(from.version) to v\(to.version)" }
}

extension ScheduleDefinition.Stop: Codable {}
