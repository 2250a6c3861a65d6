import CDOPDomain
import Foundation

extension CaseWorkflow {
    /// A running schedule moved to the current version of its definition.
    package struct MovedSchedule: Sendable, Equatable, Codable {
        package var target: String
        package var scheduleID: String
        package var fromVersion: Int
        package var toVersion: Int
    }

    /// Moves the case's running schedules (optionally only those of one definition) to the current versions of
    /// their definitions, replanned from when each started. Steps already reached stay reached; nothing moves
    /// unless asked, so editing a file never changes a running case by itself.
    @discardableResult
    package func moveSchedules(
        of caseID: CaseID, scheduleID: String? = nil, by actor: Actor
    ) throws(CommandError) -> [MovedSchedule] {
        guard let schedules else { return [] }
        return try handler.run(by: actor) { session throws(CommandError) -> [MovedSchedule] in
            let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            guard state.exists else { throw .notFound(kind: "case", reference: caseID.description) }
            var moved: [MovedSchedule] = []
            for run in state.schedules where !run.isStopped && (scheduleID == nil || run.reference.id == scheduleID) {
                guard
                    let definition = ScheduleDefinition.Start.allCases.lazy.compactMap(schedules.definition(for:))
                        .first(where: { $0.id == run.reference.id }), definition.version != run.reference.version
                else { continue }
                let steps: [PlannedStep]
                do {
                    steps = try definition.plan(
                        startingAt: run.startedAt, due: state.dueDate(of: run.target), calendar: schedules.calendar)
                } catch {
                    throw .rejected(
                        DomainError(
                            code: "schedule.outsideCalendar",
                            "The \(definition.title) schedule cannot be replanned: the bank-holiday calendar does not cover its dates."
                        ))
                }
                try session.decideOnCase(
                    caseID, .moveSchedule(ScheduleStart(definition: definition, target: run.target, steps: steps)),
                    schedules: schedules, links: links)
                moved.append(
                    MovedSchedule(
                        target: run.target.key, scheduleID: run.reference.id, fromVersion: run.reference.version,
                        toVersion: definition.version))
            }
            return moved
        }.value ?? []
    }
}
