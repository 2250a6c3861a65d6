import Foundation

extension CaseState {
    /// The running (not stopped) schedule chasing `target` with this definition id.
    package func activeScheduleIndex(target: ScheduleTarget, scheduleID: String) -> Int? {
        schedules.lastIndex { $0.target == target && $0.reference.id == scheduleID && !$0.isStopped }
    }

    /// The day the form a schedule chases is due (nil when it chases no form request): its steps count from it.
    package func dueDate(of target: ScheduleTarget) -> CalendarDate? {
        if case .formRequest(let id) = target { return request(id)?.dueDate }
        return nil
    }

    /// Stops every running schedule that `stop` stops: those it names and, for a target-limited stop, only
    /// those chasing that target.
    mutating func stopSchedules(on stop: ScheduleDefinition.Stop, target: ScheduleTarget?, at: Date) {
        for index in schedules.indices where !schedules[index].isStopped && schedules[index].stoppedBy.contains(stop) {
            if let target, schedules[index].target != target { continue }
            schedules[index].stoppedAt = at
        }
    }
}
